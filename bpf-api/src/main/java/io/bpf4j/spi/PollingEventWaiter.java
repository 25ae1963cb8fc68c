package io.bpf4j.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link EventWaiter} for sources without a shared kernel wait set (in-memory rings, test
 * doubles): it asks each source in turn. One source is waited on in slices, so that
 * {@link #close()} is noticed within a slice; several are checked without blocking, then the
 * waiter sleeps for a slice.
 */
public final class PollingEventWaiter implements EventWaiter {
    /** How long one source is waited on, or the waiter sleeps, before it looks again. */
    private static final long SLICE_MILLIS = 5;

    private final List<EventSource> sources = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private volatile boolean closed;

    @Override
    public void watch(EventSource source) {
        if (closed) {
            throw new IllegalStateException("the event waiter is closed");
        }
        sources.add(source);
    }

    @Override
    public boolean await(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        do {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            long slice = Math.max(0, Math.min(SLICE_MILLIS, remaining));
            if (sources.size() == 1) {
                if (sources.get(0).awaitData(slice)) {
                    return !closed;
                }
            } else {
                for (EventSource source : sources) {
                    if (source.awaitData(0)) {
                        return !closed;
                    }
                }
                if (!sleep(slice)) {
                    return false;
                }
            }
        } while (!closed && System.nanoTime() - deadline < 0);
        return false;
    }

    /** Sleeps up to {@code millis} or until closed; false when interrupted. */
    private boolean sleep(long millis) {
        lock.lock();
        try {
            if (!closed && millis > 0) {
                closing.await(millis, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            // The wait ends early, like a timeout; the flag stays set for the caller to act on.
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
