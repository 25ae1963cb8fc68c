package io.bpf4j.tools.symbols;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and parses {@code /proc/PID/maps}. */
public final class ProcessMaps {
    private ProcessMaps() {
    }

    /**
     * The mappings of process {@code pid}, in address order.
     *
     * @throws BpfException naming the pid when the process does not exist or its maps cannot be read
     */
    public static List<MemoryMapping> read(long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        try {
            return parse(Files.readString(maps));
        } catch (NoSuchFileException e) {
            throw new BpfException("reading " + maps, Errno.ESRCH, "pid " + pid + " is not a running process", e);
        } catch (IOException e) {
            throw new BpfException("reading " + maps + " of pid " + pid, IoErrno.of(e), e.toString(), e);
        }
    }

    /**
     * Parses text in the {@code maps} format, e.g.
     * {@code "7f1c2a028000-7f1c2a1bd000 r-xp 00028000 08:01 1234   /usr/lib/x86_64-linux-gnu/libc.so.6"}.
     *
     * @throws IllegalArgumentException when a line is not in that format
     */
    public static List<MemoryMapping> parse(String text) {
        List<MemoryMapping> mappings = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                mappings.add(parseLine(line));
            }
        }
        return List.copyOf(mappings);
    }

    private static MemoryMapping parseLine(String line) {
        // address perms offset dev inode [path]; the path may itself contain spaces
        String[] fields = line.trim().split("\\s+", 6);
        int dash = fields[0].indexOf('-');
        if (fields.length < 5 || dash < 0) {
            throw new IllegalArgumentException("not a /proc/PID/maps line: '" + line + "'");
        }
        try {
            return new MemoryMapping(
                    Long.parseUnsignedLong(fields[0], 0, dash, 16),
                    Long.parseUnsignedLong(fields[0], dash + 1, fields[0].length(), 16),
                    fields[1],
                    Long.parseUnsignedLong(fields[2], 16),
                    fields[3],
                    Long.parseUnsignedLong(fields[4]),
                    fields.length == 6 ? fields[5] : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/PID/maps line (" + e.getMessage() + "): '" + line + "'", e);
        }
    }
}
