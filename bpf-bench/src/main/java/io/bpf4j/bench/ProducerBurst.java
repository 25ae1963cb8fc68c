package io.bpf4j.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * One burst of getpid(2) calls of a {@link StreamProducer}, as the consumer sees it: done or not,
 * and once done, what each call cost. The producer side calls {@link #complete} or {@link #fail}
 * exactly once, which wakes the consumer parked in {@link #awaitDoneOrTick}.
 */
final class ProducerBurst {
    private final Thread consumer;
    private volatile boolean done;
    private volatile double getpidNanos;
    private volatile RuntimeException failure;

    /** @param consumer the thread to wake when the burst is done */
    ProducerBurst(Thread consumer) {
        this.consumer = consumer;
    }

    /** Producer side: the burst is over; each getpid took {@code nanosPerGetpid}. */
    void complete(double nanosPerGetpid) {
        getpidNanos = nanosPerGetpid;
        finish();
    }

    /** Producer side: the burst failed. */
    void fail(RuntimeException cause) {
        failure = cause;
        finish();
    }

    private void finish() {
        done = true;
        LockSupport.unpark(consumer);
    }

    /** Parks the consumer until {@code deadline} ({@link System#nanoTime}) or until done; answers whether done. */
    boolean awaitDoneOrTick(long deadline) {
        long remaining;
        while (!done && (remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, remaining);
        }
        return done;
    }

    /**
     * Nanoseconds per getpid of the finished burst.
     *
     * @throws IllegalStateException when the producer failed
     */
    double getpidNanos() {
        if (failure != null) {
            throw new IllegalStateException("stream producer failed: " + failure.getMessage(), failure);
        }
        return getpidNanos;
    }
}
