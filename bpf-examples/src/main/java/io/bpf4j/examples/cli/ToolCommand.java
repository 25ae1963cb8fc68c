package io.bpf4j.examples.cli;

import io.bpf4j.Kernel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every tracing tool shares: {@code -p PID}, {@code -d SECONDS}, {@code --verbose}, and a run
 * loop that ends on Ctrl-C, when the duration is over or when standard output is closed, with
 * everything closed before the JVM exits.
 *
 * <p>Exit status: 0 when the tool stopped by itself; {@link StandardOutput#READER_GONE} (141) when
 * the reader of its output went away, quietly, as a C tool killed by SIGPIPE; 1 after any other
 * write error on standard output; 2 for a wrong command line; 130 on Ctrl-C; see {@link ToolFailure}
 * for failures.
 */
public abstract class ToolCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Verbosity verbosity;

    @Option(names = {"-p", "--pid"}, paramLabel = "PID", converter = WholeNumber.Pid.class,
            description = "Trace only this process (thread group id, 1 to 4194304).")
    private long pid;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", converter = WholeNumber.Seconds.class,
            description = "Stop after this many seconds (at least 1).")
    private Long durationSeconds;

    /** The process to trace, 0 for all. */
    protected final long pid() {
        return pid;
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Deadline deadline = durationSeconds == null ? Deadline.NONE : Deadline.afterSeconds(durationSeconds);
        try (StopSignal stop = StopSignal.onShutdown()) {
            run(Kernel.system(), out, stop, deadline);
        }
        if (!out.checkError()) {
            return 0;
        }
        if (StandardOutput.isPipe()) {
            return StandardOutput.READER_GONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.name() + ": writing to standard output failed");
        err.flush();
        return 1;
    }

    /**
     * Loads, attaches and reports until {@code stop} is requested, {@code deadline} expires or
     * {@code out} fails ({@link PrintWriter#checkError()}), then closes everything it opened.
     */
    protected abstract void run(Kernel kernel, PrintWriter out, StopSignal stop, Deadline deadline);

    /** Whether the loop goes on: no stop requested, time left, and the output still writable. */
    protected static boolean running(PrintWriter out, StopSignal stop, Deadline deadline) {
        return !stop.requested() && !deadline.expired() && !out.checkError();
    }
}
