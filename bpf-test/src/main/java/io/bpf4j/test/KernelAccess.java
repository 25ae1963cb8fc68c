package io.bpf4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Decides whether this process can use the real kernel's BPF, and if not, says why. */
public final class KernelAccess {
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private KernelAccess() {}

    /** Empty when BPF programs can be loaded and attached here; otherwise the reason in words. */
    public static Optional<String> whyUnavailable() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("not Linux (" + System.getProperty("os.name") + ")");
        }
        if (!Files.isReadable(Path.of("/sys/kernel/btf/vmlinux"))) {
            return Optional.of("the kernel has no BTF (/sys/kernel/btf/vmlinux)");
        }
        long caps = effectiveCapabilities();
        boolean admin = (caps & (1L << CAP_SYS_ADMIN)) != 0;
        boolean bpf = (caps & (1L << CAP_BPF)) != 0 && (caps & (1L << CAP_PERFMON)) != 0;
        if (!admin && !bpf) {
            return Optional.of("needs root or CAP_BPF + CAP_PERFMON");
        }
        return Optional.empty();
    }

    private static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/self/status", e);
        }
    }
}
