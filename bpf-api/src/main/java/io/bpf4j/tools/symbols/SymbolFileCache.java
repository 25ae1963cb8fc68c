package io.bpf4j.tools.symbols;

import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.LinkedElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The function tables of ELF files, read once per file and shared by every {@link UserSymbols}
 * built with this cache (all processes mapping libc read it once). A file is identified by its
 * path, device and inode as {@code /proc/PID/maps} shows them, so a library replaced on disk is
 * read again. Thread-safe.
 */
public final class SymbolFileCache {
    private static final String DELETED = " (deleted)";
    // Files are read whole into a byte array; beyond this a file is reported unreadable, not loaded.
    private static final long MAX_FILE_SIZE = 1L << 30;

    private final Map<FileIdentity, ElfFunctionTable> tables = new ConcurrentHashMap<>();

    /** An empty cache. */
    public SymbolFileCache() {
    }

    /** Number of files read so far. */
    public int size() {
        return tables.size();
    }

    /**
     * The functions of the file {@code mapping} maps in process {@code pid}, read on first use.
     */
    ElfFunctionTable tableFor(long pid, MemoryMapping mapping) {
        FileIdentity identity = new FileIdentity(mapping.path(), mapping.device(), mapping.inode());
        return tables.computeIfAbsent(identity, id -> read(pid, mapping));
    }

    private static ElfFunctionTable read(long pid, MemoryMapping mapping) {
        Path file = locate(pid, mapping);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                return ElfFunctionTable.unreadable(file + " has " + size + " bytes, more than the "
                        + MAX_FILE_SIZE + " this reader loads");
            }
            return ElfFunctionTable.of(LinkedElfFile.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            return ElfFunctionTable.unreadable("reading " + file + " failed: " + e);
        } catch (ElfFormatException e) {
            return ElfFunctionTable.unreadable(file + " is not a readable ELF file: " + e.getMessage());
        }
    }

    /**
     * Where to read the mapped file: a deleted file (a library upgraded under a running process)
     * only survives as {@code /proc/PID/map_files/START-END}; other files are read through the
     * process's root, so that processes in other mount namespaces (containers) resolve too.
     */
    private static Path locate(long pid, MemoryMapping mapping) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (mapping.path().endsWith(DELETED)) {
            return proc.resolve("map_files").resolve(Long.toHexString(mapping.start()) + "-"
                    + Long.toHexString(mapping.end()));
        }
        Path throughRoot = proc.resolve("root").resolve(mapping.path().substring(1));
        return Files.isReadable(throughRoot) ? throughRoot : Path.of(mapping.path());
    }

    private record FileIdentity(String path, String device, long inode) {
    }
}
