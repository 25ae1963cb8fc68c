package io.bpf4j.examples.opensnoop;

import io.bpf4j.Kernels;
import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.examples.cli.Verbosity;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.KernelBackend;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opensnoop}: prints every openat(2) as {@code TIME PID COMM FILE} until Ctrl-C or {@code -d}. */
@Command(name = "opensnoop", mixinStandardHelpOptions = true,
        description = "Trace openat(2) calls: time, process id, command and file.")
public final class OpensnoopCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(100);

    @Spec
    private CommandSpec spec;

    @Mixin
    private Verbosity verbosity;

    @Option(names = {"-p", "--pid"}, paramLabel = "PID", description = "Trace only this process (thread group id).")
    private long pid;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "Stop after this many seconds.")
    private long durationSeconds;

    @Override
    public Integer call() {
        try (StopSignal stop = StopSignal.onShutdown()) {
            run(Kernels.defaultBackend(), spec.commandLine().getOut(), stop, Deadline.afterSeconds(durationSeconds));
        }
        return 0;
    }

    /** Loads, attaches and prints events until {@code stop} or {@code deadline}; closes everything. */
    void run(KernelBackend backend, PrintWriter out, StopSignal stop, Deadline deadline) {
        try (OpensnoopSkel.Open open = OpensnoopSkel.open(backend)) {
            open.rodata().pidTarget(pid);
            try (OpensnoopSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<OpensnoopSkel.Event> reader = skel.maps().events().reader()) {
                    out.println(OpenEventFormat.header());
                    out.flush();
                    while (!stop.requested() && !deadline.expired()) {
                        reader.poll(POLL, event -> out.println(OpenEventFormat.row(LocalTime.now(), event)));
                        out.flush();
                    }
                }
            }
        }
    }
}
