package io.bpf4j.linux;

import io.bpf4j.BpfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The CPUs online now, from {@code /sys/devices/system/cpu/online}. Read on each use, not cached:
 * CPUs come and go with hotplug, and a perf event cannot be opened on an offline CPU.
 */
final class OnlineCpus {
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    private OnlineCpus() {}

    /**
     * The online CPUs' numbers.
     *
     * @throws BpfException when the file cannot be read or parsed
     */
    static BitSet read() {
        try {
            return parse(Files.readString(ONLINE));
        } catch (IOException | IllegalArgumentException e) {
            throw new BpfException("reading " + ONLINE, 0, e.getMessage(), e);
        }
    }

    /**
     * The CPUs of a kernel CPU list such as {@code "0-3,5,7-8"}.
     *
     * @throws IllegalArgumentException when {@code list} is not a CPU list
     */
    static BitSet parse(String list) {
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty CPU list");
        }
        BitSet cpus = new BitSet();
        for (String range : trimmed.split(",")) {
            int dash = range.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
                if (first < 0 || last < first) {
                    throw new IllegalArgumentException("bad CPU range '" + range + "' in '" + trimmed + "'");
                }
                cpus.set(first, last + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU range '" + range + "' in '" + trimmed + "'", e);
            }
        }
        return cpus;
    }
}
