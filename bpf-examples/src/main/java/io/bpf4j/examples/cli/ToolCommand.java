package io.bpf4j.examples.cli;

import io.bpf4j.Kernels;
import io.bpf4j.spi.KernelBackend;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every tracing tool shares: {@code -p PID}, {@code -d SECONDS}, {@code --verbose}, and a run
 * loop that ends on Ctrl-C or when the duration is over, with everything closed before the JVM exits.
 */
public abstract class ToolCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Verbosity verbosity;

    @Option(names = {"-p", "--pid"}, paramLabel = "PID", description = "Trace only this process (thread group id).")
    private long pid;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "Stop after this many seconds.")
    private long durationSeconds;

    /** The process to trace, 0 for all. */
    protected final long pid() {
        return pid;
    }

    @Override
    public final Integer call() {
        try (StopSignal stop = StopSignal.onShutdown()) {
            run(Kernels.defaultBackend(), spec.commandLine().getOut(), stop, Deadline.afterSeconds(durationSeconds));
        }
        return 0;
    }

    /**
     * Loads, attaches and reports until {@code stop} is requested or {@code deadline} expires, then
     * closes everything it opened.
     */
    protected abstract void run(KernelBackend backend, PrintWriter out, StopSignal stop, Deadline deadline);
}
