package io.bpf4j.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calling thread's effective capabilities, read from {@code /proc/thread-self/status}, to
 * explain an EPERM: BPF needs root ({@code CAP_SYS_ADMIN}) or {@code CAP_BPF} plus
 * {@code CAP_PERFMON} for tracing. Capabilities belong to threads and the kernel checked the one
 * that failed; {@code /proc/self} would show the main thread's, which may differ.
 */
final class Capabilities {
    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_PERFMON = 38;
    static final int CAP_BPF = 39;

    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final String CAP_EFF = "CapEff:";

    private Capabilities() {}

    /** The effective capability mask, or empty when it cannot be read. */
    static Optional<Long> effective() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(CAP_EFF)) {
                    return Optional.of(Long.parseUnsignedLong(line.substring(CAP_EFF.length()).strip(), 16));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux-like enough to tell; the caller reports the bare errno instead.
        }
        return Optional.empty();
    }

    /** What this process lacks for BPF, in words; empty when it has enough (or cannot tell). */
    static Optional<String> missingForBpf() {
        return effective().flatMap(Capabilities::missingForBpf);
    }

    /**
     * What a process with the capability mask {@code effective} lacks for BPF, e.g.
     * {@code "root or CAP_BPF + CAP_PERFMON (missing: CAP_BPF, CAP_PERFMON)"}; empty when it has
     * {@code CAP_SYS_ADMIN} or both {@code CAP_BPF} and {@code CAP_PERFMON}.
     */
    static Optional<String> missingForBpf(long effective) {
        if (has(effective, CAP_SYS_ADMIN) || (has(effective, CAP_BPF) && has(effective, CAP_PERFMON))) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>(2);
        if (!has(effective, CAP_BPF)) {
            missing.add("CAP_BPF");
        }
        if (!has(effective, CAP_PERFMON)) {
            missing.add("CAP_PERFMON");
        }
        return Optional.of("root or CAP_BPF + CAP_PERFMON (missing: " + String.join(", ", missing) + ")");
    }

    /** True when the effective set has CAP_SYS_ADMIN (or cannot be read, so nothing is claimed missing). */
    static boolean hasSysAdmin() {
        return effective().map(mask -> has(mask, CAP_SYS_ADMIN)).orElse(true);
    }

    private static boolean has(long mask, int capability) {
        return (mask & (1L << capability)) != 0;
    }
}
