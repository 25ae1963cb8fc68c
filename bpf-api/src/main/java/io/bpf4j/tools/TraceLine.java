package io.bpf4j.tools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the kernel's trace pipe, e.g.
 * {@code "  java-4242    [001] d..31 12.345678: bpf_trace_printk: BPF triggered from PID 4242."}.
 *
 * @param task the task's command name (may contain spaces and dashes; {@code <...>} when unknown)
 * @param pid the thread id that wrote the line
 * @param cpu the CPU it ran on
 * @param flags the irq/preempt flags column
 * @param timestamp seconds since boot, as printed
 * @param function the writer, {@code bpf_trace_printk} for {@code bpf_printk}
 * @param message the text the program printed
 */
public record TraceLine(String task, int pid, int cpu, String flags, String timestamp, String function,
        String message) {

    // task-pid, an optional "(tgid)" column, [cpu], flags, timestamp: function: message
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*[-\\d]+\\)\\s+)?\\[(\\d+)\\]\\s+(\\S+)\\s+(\\d+\\.\\d+):\\s+([^:]+):\\s?(.*)$");

    /** Parses a trace-pipe line; empty when it is not in the trace format. */
    public static Optional<TraceLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TraceLine(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4), m.group(5), m.group(6), m.group(7)));
    }

    /** True for lines written by {@code bpf_printk} / {@code bpf_trace_printk}. */
    public boolean isBpfPrintk() {
        return function.equals("bpf_trace_printk");
    }
}
