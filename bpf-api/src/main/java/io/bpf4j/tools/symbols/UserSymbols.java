package io.bpf4j.tools.symbols;

import io.bpf4j.BpfException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Resolves user-space addresses of one process to {@code function+0xoffset (library)}.
 *
 * <p>The executable mappings of {@code /proc/PID/maps} are read once, when this is created (a
 * library loaded later needs a new instance). For an address, the mapping gives the file and the
 * file offset; the file's {@code PT_LOAD} segment holding that offset gives the linked address,
 * which takes the load bias of PIE executables and shared libraries into account; the file's
 * {@code .symtab}/{@code .dynsym} functions give the name. Files are read lazily, once per
 * {@link SymbolFileCache}. Thread-safe.
 */
public final class UserSymbols {
    /** What lookups return for an address no mapped file explains. */
    public static final String UNKNOWN = "[unknown]";

    private final long pid;
    private final List<MemoryMapping> mappings;
    private final SymbolFileCache cache;

    private UserSymbols(long pid, List<MemoryMapping> mappings, SymbolFileCache cache) {
        this.pid = pid;
        this.mappings = mappings;
        this.cache = cache;
    }

    /**
     * The symbolizer of process {@code pid} with a cache of its own.
     *
     * @throws BpfException naming the pid when the process does not exist or cannot be inspected
     */
    public static UserSymbols forPid(long pid) {
        return forPid(pid, new SymbolFileCache());
    }

    /** The symbolizer of process {@code pid}, sharing {@code cache} with other processes' symbolizers. */
    public static UserSymbols forPid(long pid, SymbolFileCache cache) {
        Objects.requireNonNull(cache, "cache");
        List<MemoryMapping> executable = new ArrayList<>();
        for (MemoryMapping mapping : ProcessMaps.read(pid)) {
            if (mapping.isExecutable() && mapping.isFileBacked()) {
                executable.add(mapping);
            }
        }
        return new UserSymbols(pid, List.copyOf(executable), cache);
    }

    /** The process this symbolizer reads. */
    public long pid() {
        return pid;
    }

    /**
     * {@code "function+0xoffset (library)"}, e.g. {@code "getpid+0x0 (libc.so.6)"}; for code of a
     * mapped file that no symbol covers, {@code "[unknown] (library+0xfileoffset)"}; else
     * {@link #UNKNOWN} (JIT code, anonymous memory, the vDSO).
     */
    public String format(long address) {
        MemoryMapping mapping = mappingOf(address);
        if (mapping == null) {
            return UNKNOWN;
        }
        ElfFunctionTable table = cache.tableFor(pid, mapping);
        long fileOffset = mapping.fileOffsetOf(address);
        OptionalLong linked = table.virtualAddressOf(fileOffset);
        int index = linked.isPresent() ? table.indexOf(linked.getAsLong()) : -1;
        if (index < 0) {
            return UNKNOWN + " (" + mapping.fileName() + "+0x" + Long.toHexString(fileOffset) + ")";
        }
        return table.name(index) + "+0x" + Long.toHexString(linked.getAsLong() - table.start(index)) + " ("
                + mapping.fileName() + ")";
    }

    /** Just the function name for {@code address}, or {@link #UNKNOWN}. */
    public String symbolName(long address) {
        MemoryMapping mapping = mappingOf(address);
        if (mapping == null) {
            return UNKNOWN;
        }
        ElfFunctionTable table = cache.tableFor(pid, mapping);
        OptionalLong linked = table.virtualAddressOf(mapping.fileOffsetOf(address));
        int index = linked.isPresent() ? table.indexOf(linked.getAsLong()) : -1;
        return index < 0 ? UNKNOWN : table.name(index);
    }

    /**
     * The mapped files whose symbols cannot be read (deleted without a way back, unreadable, not
     * ELF), each with the reason; their addresses print as {@code [unknown]}. Reads every mapped
     * file not read yet, so it is meant for diagnostics rather than for each lookup.
     */
    public Map<String, String> unreadableFiles() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (MemoryMapping mapping : mappings) {
            cache.tableFor(pid, mapping).problem().ifPresent(problem -> problems.put(mapping.path(), problem));
        }
        return problems;
    }

    private MemoryMapping mappingOf(long address) {
        // A process has a few hundred executable mappings at most: a scan is cheap next to the file reads.
        for (MemoryMapping mapping : mappings) {
            if (mapping.contains(address)) {
                return mapping;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "UserSymbols[pid " + pid + ", " + mappings.size() + " executable mappings]";
    }
}
