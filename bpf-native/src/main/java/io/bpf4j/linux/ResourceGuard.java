package io.bpf4j.linux;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps kernel resources (file descriptors, mappings) from being released while they are in use,
 * and releases them exactly once. Every use runs inside a lease: {@link #tryAcquire()} (or
 * {@link #acquire}) before it, {@link #release()} after it. {@link #close()} refuses new leases
 * and releases at once when none is open; otherwise the thread that ends the last lease releases.
 * So an fd is closed only after its last use: its number cannot go to another object while a
 * system call is still on its way with it, and a lease that loses the race to {@code close()}
 * fails with an {@link IllegalStateException} naming the owner and the operation.
 *
 * <p>Lock-free: a lease is one compare-and-set and one atomic subtract, so the path of a map
 * operation never waits. A closer that must see the resources gone waits with
 * {@link #awaitReleased()} — but never while it holds a lease of the same guard itself (a handler
 * closing the ring that is delivering to it, a log callback closing the object being attached):
 * then the release runs when that lease ends, after the closer returned.
 */
final class ResourceGuard {
    private static final int CLOSED = 1;
    /** Each open lease adds this; the low bit is {@link #CLOSED}. */
    private static final int LEASE = 2;

    private final String owner;
    private final Runnable release;
    private final AtomicInteger state = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    /**
     * @param owner what the resources are, for messages (e.g. {@code "object 'opensnoop'"})
     * @param release releases them; run exactly once, by whichever thread leaves last. It must not throw.
     */
    ResourceGuard(String owner, Runnable release) {
        this.owner = owner;
        this.release = release;
    }

    /** What the resources are, for messages. */
    String owner() {
        return owner;
    }

    /** Starts a lease; false once closed, and then the resources must not be touched. */
    boolean tryAcquire() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + LEASE)) {
                return true;
            }
        }
    }

    /**
     * Starts a lease.
     *
     * @param operation what the lease is for, named in the exception (e.g. {@code "attaching program 'x'"})
     * @throws IllegalStateException once closed
     */
    void acquire(String operation) {
        if (!tryAcquire()) {
            throw closed(operation);
        }
    }

    /** The exception for an operation refused because the resources are closed. */
    IllegalStateException closed(String operation) {
        return new IllegalStateException(operation + ": " + owner + " is closed");
    }

    /** Ends a lease begun successfully; the last one after {@link #close()} releases. */
    void release() {
        if (state.addAndGet(-LEASE) == CLOSED) {
            runRelease();
        }
    }

    /** True once {@link #close()} was called (the resources may still be in use by open leases). */
    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /**
     * Refuses new leases and releases once the open ones have ended: at once when none is open.
     * Idempotent.
     *
     * @return true for the one call that closed the guard
     */
    boolean close() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    runRelease();
                }
                return true;
            }
        }
    }

    /**
     * Waits until the resources are released, after {@link #close()}. Only for a thread that holds
     * no lease of this guard: it would wait for itself.
     */
    void awaitReleased() {
        boolean interrupted = false;
        while (true) {
            try {
                released.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a close must finish; the interrupt is kept for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runRelease() {
        try {
            release.run();
        } finally {
            released.countDown();
        }
    }

    @Override
    public String toString() {
        return owner + (isClosed() ? " (closed)" : "");
    }
}
