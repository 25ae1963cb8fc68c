package io.bpf4j.examples.opensnoop;

import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.examples.cli.ToolCommand;
import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RingBufferReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import picocli.CommandLine.Command;

/** {@code opensnoop}: prints every openat(2) as {@code TIME PID COMM FILE} until Ctrl-C or {@code -d}. */
@Command(name = "opensnoop", mixinStandardHelpOptions = true,
        description = "Trace openat(2) calls: time, process id, command and file.")
public final class OpensnoopCommand extends ToolCommand {
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    protected void run(Kernel kernel, PrintWriter out, StopSignal stop, Deadline deadline) {
        try (OpensnoopSkel.Open open = OpensnoopSkel.open(kernel)) {
            open.rodata().pidTarget(pid());
            try (OpensnoopSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<OpensnoopSkel.Event> reader = skel.maps().events().reader()) {
                    OpenEventFormat format = new OpenEventFormat();
                    OpensnoopSkel.Event.View event = new OpensnoopSkel.Event.View();
                    out.println(OpenEventFormat.header());
                    out.flush();
                    while (running(out, stop, deadline)) {
                        // The view path: names are escaped from their raw bytes, never decoded first.
                        reader.pollViews(POLL, (data, offset, length) -> {
                            checkLength(reader, length);
                            out.println(format.row(LocalTime.now(), event.wrap(data, offset)));
                        });
                        out.flush();
                    }
                }
            }
        }
    }

    private static void checkLength(RingBufferReader<?> reader, int length) {
        if (length < OpensnoopSkel.Event.SIZE) {
            throw new IllegalStateException("ring buffer '" + reader.name() + "': a record of " + length
                    + " bytes is shorter than struct event (" + OpensnoopSkel.Event.SIZE + " bytes)");
        }
    }
}
