package io.bpf4j.examples;

import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A tool's run loop on a background thread, as the launcher runs it, with a stop signal the test
 * pulls (the tool's Ctrl-C) and its output captured.
 */
public final class FakeRun implements AutoCloseable {
    /** The tool's body: its {@code run(kernel, out, stop, deadline)} bound to a kernel. */
    public interface Body {
        void run(PrintWriter out, StopSignal stop, Deadline deadline);
    }

    private static final long WAIT_SECONDS = 10;

    private final StringWriter output = new StringWriter();
    private final StopSignal stop = StopSignal.manual();
    private final CompletableFuture<Void> running;

    private FakeRun(Body body) {
        PrintWriter out = new PrintWriter(output, true);
        running = CompletableFuture.runAsync(() -> body.run(out, stop, Deadline.NONE));
    }

    /** Starts {@code body} on another thread. */
    public static FakeRun start(Body body) {
        return new FakeRun(body);
    }

    /** What the tool printed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits (up to 10 s, failing after) until {@code condition} holds; fails at once if the tool died. */
    public void awaitThat(BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (running.isDone()) {
                running.get(); // rethrows the tool's failure
                throw new AssertionError("the tool ended before " + what + "; output: " + output());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what + "; output: " + output());
            }
            Thread.sleep(5);
        }
    }

    /** Requests the stop (Ctrl-C) and waits for the tool to return, rethrowing its failure. */
    public void stop() throws InterruptedException, ExecutionException, TimeoutException {
        stop.request();
        running.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops the tool if it still runs. */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        if (running.isDone()) {
            return;
        }
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the tool", e);
        }
    }
}
