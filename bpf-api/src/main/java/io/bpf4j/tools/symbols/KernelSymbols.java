package io.bpf4j.tools.symbols;

import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's symbol table from {@code /proc/kallsyms}, for turning kernel instruction pointers
 * (from a stack-trace map, say) into {@code function+0xoffset [module]}.
 *
 * <p>Symbols are kept in primitive arrays sorted by address, and a lookup is a binary search that
 * allocates nothing but the string it returns. An address resolves to the closest symbol at or
 * below it (kallsyms has no sizes); among symbols sharing an address the one whose name sorts last
 * wins, as in libbpf-tools. Immutable and thread-safe.
 */
public final class KernelSymbols {
    /** What lookups return for an address below every symbol. */
    public static final String UNKNOWN = "[unknown]";

    private static final Path KALLSYMS = Path.of("/proc/kallsyms");
    private static final Path KPTR_RESTRICT = Path.of("/proc/sys/kernel/kptr_restrict");
    private static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    private final long[] addresses;
    private final String[] names;
    private final String[] modules; // null for symbols of the kernel image itself

    private KernelSymbols(long[] addresses, String[] names, String[] modules) {
        this.addresses = addresses;
        this.names = names;
        this.modules = modules;
    }

    /**
     * Reads {@code /proc/kallsyms}.
     *
     * @throws BpfPermissionException when the kernel shows every address as 0 to this process
     *     ({@code kernel.kptr_restrict}; the message says which privilege is missing)
     * @throws BpfException when the file cannot be read
     */
    public static KernelSymbols load() {
        try (BufferedReader reader = Files.newBufferedReader(KALLSYMS, StandardCharsets.UTF_8)) {
            return read(reader, KALLSYMS.toString());
        } catch (IOException e) {
            throw new BpfException("reading kernel symbols from " + KALLSYMS, IoErrno.of(e), e.toString(), e);
        }
    }

    /**
     * Parses text in the {@code /proc/kallsyms} format, e.g.
     * {@code "ffffffff81379cc0 T __x64_sys_getpid"} or {@code "ffffffffc0a01000 t nf_hook\t[nf_tables]"}.
     *
     * @param source names the text in error messages
     * @throws IllegalArgumentException when a line is not in that format
     * @throws BpfPermissionException when every address is 0 (hidden by {@code kptr_restrict})
     */
    public static KernelSymbols parse(String text, String source) {
        try {
            return read(new BufferedReader(new StringReader(text)), source);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static KernelSymbols read(BufferedReader reader, String source) throws IOException {
        KallsymsParser parser = new KallsymsParser(source);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            parser.accept(line);
        }
        if (parser.count() > 0 && parser.allAddressesZero()) {
            throw hiddenAddresses(source);
        }
        return parser.build();
    }

    /**
     * The kernel prints kallsyms addresses as 0 unless {@code kernel.kptr_restrict} is 0 and
     * {@code kernel.perf_event_paranoid} at most 1, or kptr_restrict is below 2 and the reader
     * holds CAP_SYSLOG; the message gives both settings so the user sees which rule applied.
     */
    private static BpfPermissionException hiddenAddresses(String source) {
        return new BpfPermissionException("reading kernel symbols from " + source, 0,
                "CAP_SYSLOG to see kernel addresses: every address in " + source + " is 0 (kernel.kptr_restrict is "
                        + sysctl(KPTR_RESTRICT) + ", kernel.perf_event_paranoid is " + sysctl(PERF_EVENT_PARANOID)
                        + "; without CAP_SYSLOG they show only when kptr_restrict is 0 and perf_event_paranoid"
                        + " at most 1, and kptr_restrict=2 hides them from everyone); run as root or with CAP_SYSLOG");
    }

    private static String sysctl(Path path) {
        try {
            return Files.readString(path).trim();
        } catch (IOException e) {
            return "unreadable (" + e + ")";
        }
    }

    /** Number of symbols. */
    public int size() {
        return addresses.length;
    }

    /** Index of the symbol covering {@code address}: the last one at or below it; -1 when there is none. */
    public int indexOf(long address) {
        return SymbolOrder.floorIndex(addresses, address);
    }

    /** The address of symbol {@code index}. */
    public long address(int index) {
        return addresses[index];
    }

    /** The name of symbol {@code index}. */
    public String name(int index) {
        return names[index];
    }

    /** The module symbol {@code index} belongs to; empty for the kernel image itself. */
    public Optional<String> module(int index) {
        return Optional.ofNullable(modules[index]);
    }

    /** The address of the symbol called {@code name} (a linear scan: meant for tests and set-up, not hot paths). */
    public OptionalLong addressOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return OptionalLong.of(addresses[i]);
            }
        }
        return OptionalLong.empty();
    }

    /** The name of the function covering {@code address}, or {@link #UNKNOWN}. */
    public String symbolName(long address) {
        int index = indexOf(address);
        return index < 0 ? UNKNOWN : names[index];
    }

    /**
     * {@code "function+0xoffset"} for {@code address}, followed by {@code " [module]"} for module
     * code, e.g. {@code "__x64_sys_getpid+0x4"} or {@code "nft_do_chain+0x9a [nf_tables]"};
     * {@link #UNKNOWN} below the first symbol.
     */
    public String format(long address) {
        int index = indexOf(address);
        if (index < 0) {
            return UNKNOWN;
        }
        String symbol = names[index] + "+0x" + Long.toHexString(address - addresses[index]);
        return modules[index] == null ? symbol : symbol + " [" + modules[index] + "]";
    }

    @Override
    public String toString() {
        return "KernelSymbols[" + addresses.length + " symbols]";
    }

    /** Collects kallsyms lines into growing arrays, then sorts them once. */
    private static final class KallsymsParser {
        private final String source;
        private final Map<String, String> moduleNames = new HashMap<>(); // one String per module
        private long[] addresses = new long[1 << 16];
        private String[] names = new String[1 << 16];
        private String[] modules = new String[1 << 16];
        private int count;
        private int lineNumber;
        private boolean allZero = true;

        KallsymsParser(String source) {
            this.source = source;
        }

        void accept(String line) {
            lineNumber++;
            if (line.isBlank()) {
                return;
            }
            int addressEnd = line.indexOf(' ');
            int nameStart = addressEnd + 3; // address, space, type letter, space
            if (addressEnd <= 0 || line.length() <= nameStart || line.charAt(nameStart - 1) != ' ') {
                throw malformed(line, "expected '<hex address> <type> <name> [module]'");
            }
            long address;
            try {
                address = Long.parseUnsignedLong(line, 0, addressEnd, 16);
            } catch (NumberFormatException e) {
                throw malformed(line, "the address is not hexadecimal");
            }
            int nameEnd = nameStart;
            while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd))) {
                nameEnd++;
            }
            add(address, line.substring(nameStart, nameEnd), module(line, nameEnd));
        }

        private String module(String line, int from) {
            int open = line.indexOf('[', from);
            if (open < 0) {
                return null;
            }
            int close = line.indexOf(']', open);
            if (close < 0) {
                throw malformed(line, "the module name has no closing ']'");
            }
            String name = line.substring(open + 1, close);
            return moduleNames.computeIfAbsent(name, n -> n);
        }

        private void add(long address, String name, String module) {
            if (count == addresses.length) {
                addresses = Arrays.copyOf(addresses, count * 2);
                names = Arrays.copyOf(names, count * 2);
                modules = Arrays.copyOf(modules, count * 2);
            }
            addresses[count] = address;
            names[count] = name;
            modules[count] = module;
            allZero &= address == 0;
            count++;
        }

        private IllegalArgumentException malformed(String line, String why) {
            return new IllegalArgumentException(source + " line " + lineNumber + ": " + why + ": '" + line + "'");
        }

        int count() {
            return count;
        }

        boolean allAddressesZero() {
            return allZero;
        }

        KernelSymbols build() {
            int[] order = SymbolOrder.sortedOrder(addresses, names, count);
            long[] sortedAddresses = new long[count];
            String[] sortedNames = new String[count];
            String[] sortedModules = new String[count];
            for (int i = 0; i < count; i++) {
                sortedAddresses[i] = addresses[order[i]];
                sortedNames[i] = names[order[i]];
                sortedModules[i] = modules[order[i]];
            }
            return new KernelSymbols(sortedAddresses, sortedNames, sortedModules);
        }
    }
}
