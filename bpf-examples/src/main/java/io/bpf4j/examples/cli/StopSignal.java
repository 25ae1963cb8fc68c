package io.bpf4j.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into a request the tool's loop sees, and holds the JVM's exit
 * until the tool has detached and closed everything.
 */
public final class StopSignal implements AutoCloseable {
    private static final long CLEANUP_WAIT_SECONDS = 5;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private StopSignal(boolean installHook) {
        this.hook = installHook ? new Thread(this::holdExitUntilFinished, "bpf4j-stop") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** A stop signal tied to the process's shutdown (Ctrl-C). */
    public static StopSignal onShutdown() {
        return new StopSignal(true);
    }

    /** A stop signal only {@link #request()} triggers, for tests. */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    private void holdExitUntilFinished() {
        requested = true;
        try {
            finished.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the loop to stop. */
    public void request() {
        requested = true;
    }

    /** True once a stop was requested. */
    public boolean requested() {
        return requested;
    }

    /** Tells the shutdown hook that cleanup is done, and removes it when the tool ends by itself. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null && !requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook has run or will find `finished` counted down.
            }
        }
    }
}
