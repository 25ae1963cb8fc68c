package io.bpf4j.examples.minimal;

import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.examples.cli.ToolCommand;
import io.bpf4j.Kernel;
import io.bpf4j.text.Printable;
import io.bpf4j.tools.TraceLine;
import io.bpf4j.trace.TracePipe;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code minimal}: a tracepoint on write(2) calls {@code bpf_printk}; the tool prints those lines from
 * the kernel's trace pipe. Its own writes are never traced, so its output does not feed back.
 */
@Command(name = "minimal", mixinStandardHelpOptions = true,
        description = "Hello world: print a trace_pipe line for every write(2).")
public final class MinimalCommand extends ToolCommand {
    /** What the BPF program prints, before the pid. */
    static final String MESSAGE_PREFIX = "BPF triggered from PID ";
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    protected void run(Kernel kernel, PrintWriter out, StopSignal stop, Deadline deadline) {
        try (MinimalSkel.Open open = MinimalSkel.open(kernel)) {
            long self = ProcessHandle.current().pid();
            open.rodata().pidFilter(pid()).pidIgnore(pid() == 0 ? self : 0);
            try (MinimalSkel skel = open.load(); TracePipe pipe = kernel.openTracePipe()) {
                skel.attach();
                while (running(out, stop, deadline)) {
                    String line = pipe.readLine(POLL);
                    if (line != null && isOurs(line)) {
                        // The line starts with the writer's comm, which any process chooses.
                        out.println(Printable.escape(line));
                        out.flush();
                    }
                }
            }
        }
    }

    /** True for the lines this tool's program writes (the pipe is shared by every BPF program). */
    static boolean isOurs(String line) {
        Optional<TraceLine> parsed = TraceLine.parse(line);
        return parsed.isPresent() && parsed.get().isBpfPrintk() && parsed.get().message().startsWith(MESSAGE_PREFIX);
    }
}
