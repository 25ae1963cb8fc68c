package io.bpf4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Something for the tools to report while a test waits: a thread of this JVM that opens and writes
 * a file every 10 ms (openat(2) for opensnoop, write(2) for minimal) until closed.
 */
final class Activity implements AutoCloseable {
    private final Thread thread;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private volatile boolean stopped;

    private Activity(Path file) {
        thread = new Thread(() -> {
            while (!stopped) {
                try {
                    Files.writeString(file, "x");
                } catch (IOException e) {
                    failure.set(e);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }, "activity");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts writing {@code file} over and over. */
    static Activity writing(Path file) {
        return new Activity(file);
    }

    /** Stops the writes; fails if one of them failed. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the writes", e);
        }
        if (failure.get() != null) {
            throw new AssertionError("writing while the tool ran failed", failure.get());
        }
    }
}
