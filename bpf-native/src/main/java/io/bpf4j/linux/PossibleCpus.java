package io.bpf4j.linux;

import io.bpf4j.BpfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The number of possible CPUs, read once from {@code /sys/devices/system/cpu/possible}: per-CPU
 * maps hold one value slot for each, in CPU order.
 */
final class PossibleCpus {
    private static final Path POSSIBLE = Path.of("/sys/devices/system/cpu/possible");

    private PossibleCpus() {}

    /** How many CPUs are possible on this machine. */
    static int count() {
        return Holder.COUNT;
    }

    /**
     * Counts the CPUs in a kernel CPU list such as {@code "0-3,5,7-8"}.
     *
     * @throws IllegalArgumentException when {@code list} is not a CPU list
     */
    static int parse(String list) {
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty CPU list");
        }
        int count = 0;
        for (String range : trimmed.split(",")) {
            int dash = range.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
                if (first < 0 || last < first) {
                    throw new IllegalArgumentException("bad CPU range '" + range + "' in '" + trimmed + "'");
                }
                count += last - first + 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU range '" + range + "' in '" + trimmed + "'", e);
            }
        }
        return count;
    }

    /** Reads the file on first use, so a failure is reported to the caller that needed it. */
    private static final class Holder {
        static final int COUNT = read();

        private static int read() {
            try {
                return parse(Files.readString(POSSIBLE));
            } catch (IOException | IllegalArgumentException e) {
                throw new BpfException("reading " + POSSIBLE, 0, e.getMessage(), e);
            }
        }
    }
}
