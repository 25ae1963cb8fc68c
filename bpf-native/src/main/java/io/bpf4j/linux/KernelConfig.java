package io.bpf4j.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What the running kernel offers, to name the real cause when the kernel answers a bare errno: the
 * kernel's build configuration ({@code /proc/config.gz} or {@code /boot/config-<release>}) where it
 * is readable, the tracefs mount, and the kprobe event sources.
 */
final class KernelConfig {
    /** Where tracefs is mounted by convention (and where libbpf looks for it first). */
    static final Path TRACEFS = Path.of("/sys/kernel/tracing");
    /** The hint every "tracefs is not mounted" message carries. */
    static final String MOUNT_TRACEFS = "mount it with: mount -t tracefs tracefs /sys/kernel/tracing (or run ./bpf4j setup)";

    /** Where older setups have tracefs; libbpf prefers it when it exists. */
    static final Path DEBUGFS_TRACING = Path.of("/sys/kernel/debug/tracing");
    private static final Path KPROBE_PMU = Path.of("/sys/bus/event_source/devices/kprobe");

    private KernelConfig() {}

    /** Whether tracefs is mounted where libbpf and the trace pipe need it. */
    static boolean tracefsMounted() {
        return Files.exists(TRACEFS.resolve("trace_pipe")) || Files.exists(DEBUGFS_TRACING.resolve("trace_pipe"));
    }

    /** Why kprobes cannot attach here, e.g. {@code "kprobes: CONFIG_KPROBES is not set"}; empty when they can. */
    static Optional<String> whyNoKprobes() {
        Optional<Boolean> configured = config("CONFIG_KPROBES");
        if (configured.isPresent()) {
            return configured.get() ? Optional.empty() : Optional.of("kprobes: CONFIG_KPROBES is not set");
        }
        // No readable kernel config: libbpf attaches through the kprobe PMU or, failing that,
        // tracefs's kprobe_events; when neither exists the kernel was built without kprobes.
        boolean legacy = Files.exists(TRACEFS.resolve("kprobe_events")) || Files.exists(DEBUGFS_TRACING.resolve("kprobe_events"));
        if (!Files.exists(KPROBE_PMU) && !legacy && tracefsMounted()) {
            return Optional.of("kprobes: CONFIG_KPROBES is not set (no kprobe PMU, no kprobe_events)");
        }
        return Optional.empty();
    }

    /** Why multi-kprobes cannot attach here; empty when the kernel config does not say. */
    static Optional<String> whyNoKprobeMulti() {
        Optional<String> kprobes = whyNoKprobes();
        if (kprobes.isPresent()) {
            return kprobes;
        }
        return config("CONFIG_FPROBE").filter(set -> !set).map(unset -> "kprobe.multi: CONFIG_FPROBE is not set");
    }

    /** Whether a {@code bool}/{@code tristate} option is set (y or m); empty when the config is unreadable. */
    static Optional<Boolean> config(String option) {
        Map<String, String> config = Config.VALUES;
        if (config.isEmpty()) {
            return Optional.empty();
        }
        String value = config.get(option);
        return Optional.of("y".equals(value) || "m".equals(value));
    }

    /** The kernel's configuration, read once. */
    private static final class Config {
        static final Map<String, String> VALUES = read();

        private static Map<String, String> read() {
            Path procConfig = Path.of("/proc/config.gz");
            Path bootConfig = Path.of("/boot/config-" + System.getProperty("os.version", ""));
            try {
                if (Files.isReadable(procConfig)) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(procConfig))) {
                        return parse(in);
                    }
                }
                if (Files.isReadable(bootConfig)) {
                    try (InputStream in = Files.newInputStream(bootConfig)) {
                        return parse(in);
                    }
                }
            } catch (IOException e) {
                // Unreadable: the callers fall back to probing the file system.
            }
            return Map.of();
        }

        private static Map<String, String> parse(InputStream in) throws IOException {
            Map<String, String> values = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (line.startsWith("CONFIG_") && eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Map.copyOf(values);
        }
    }
}
