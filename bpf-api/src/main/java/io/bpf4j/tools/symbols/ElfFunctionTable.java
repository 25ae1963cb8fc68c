package io.bpf4j.tools.symbols;

import io.bpf4j.elf.ElfSymbol;
import io.bpf4j.elf.LinkedElfFile;
import io.bpf4j.elf.LoadSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The functions of one executable or shared library, sorted by linked address, with the load
 * segments needed to turn a file offset into such an address. Immutable and thread-safe.
 */
final class ElfFunctionTable {
    // STT_GNU_IFUNC: resolved at load time (memcpy, strlen in glibc); still the function's code.
    private static final int STT_GNU_IFUNC = 10;

    private final List<LoadSegment> segments;
    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final String problem;

    private ElfFunctionTable(List<LoadSegment> segments, long[] starts, long[] sizes, String[] names, String problem) {
        this.segments = segments;
        this.starts = starts;
        this.sizes = sizes;
        this.names = names;
        this.problem = problem;
    }

    /** The function symbols of {@code file} (from {@code .symtab} and {@code .dynsym}). */
    static ElfFunctionTable of(LinkedElfFile file) {
        List<ElfSymbol> functions = new ArrayList<>();
        for (ElfSymbol symbol : file.symbols()) {
            boolean code = symbol.isFunction() || symbol.type() == STT_GNU_IFUNC;
            // Undefined symbols (imports) have value 0 and name code in another file.
            if (code && symbol.value() != 0 && !symbol.name().isEmpty()) {
                functions.add(symbol);
            }
        }
        int count = functions.size();
        long[] addresses = new long[count];
        String[] unsortedNames = new String[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = functions.get(i).value();
            unsortedNames[i] = functions.get(i).name();
        }
        int[] order = SymbolOrder.sortedOrder(addresses, unsortedNames, count);
        long[] starts = new long[count];
        long[] sizes = new long[count];
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            ElfSymbol symbol = functions.get(order[i]);
            starts[i] = symbol.value();
            sizes[i] = symbol.size();
            names[i] = symbol.name();
        }
        return new ElfFunctionTable(file.loadSegments(), starts, sizes, names, null);
    }

    /** A table for a file that could not be read: every lookup fails, {@link #problem()} says why. */
    static ElfFunctionTable unreadable(String problem) {
        return new ElfFunctionTable(List.of(), new long[0], new long[0], new String[0], problem);
    }

    /** Why the file's symbols are unavailable; empty when they were read. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The linked virtual address of the byte at {@code fileOffset}: the load segment holding that
     * offset says where it was linked. Subtracting this from the runtime address gives the load
     * bias, which is how PIE executables and shared libraries are placed.
     */
    OptionalLong virtualAddressOf(long fileOffset) {
        for (LoadSegment segment : segments) {
            if (segment.containsFileOffset(fileOffset)) {
                return OptionalLong.of(segment.virtualAddressOf(fileOffset));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Index of the function containing {@code address} (linked), or -1: the closest symbol at or
     * below it, unless its size says the address lies past its end.
     */
    int indexOf(long address) {
        int index = SymbolOrder.floorIndex(starts, address);
        if (index < 0 || (sizes[index] != 0 && Long.compareUnsigned(address - starts[index], sizes[index]) >= 0)) {
            return -1;
        }
        return index;
    }

    String name(int index) {
        return names[index];
    }

    long start(int index) {
        return starts[index];
    }

    int size() {
        return starts.length;
    }
}
