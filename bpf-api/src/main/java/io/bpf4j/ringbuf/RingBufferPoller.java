package io.bpf4j.ringbuf;

import io.bpf4j.spi.EventWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Serves several ring buffers from one thread with one wait: each {@link #poll} drains every ring,
 * and when all are empty sleeps in a single wait on all of them (one epoll set on the real kernel).
 *
 * <p><b>Timed drain.</b> Producers that submit with {@code BPF_RB_NO_WAKEUP} never signal the
 * wait, so while {@link #poll} waits it wakes at least every {@linkplain Builder#drainInterval
 * drain interval} and drains every ring anyway. Checking a ring is a load of its producer position
 * in Java: a ring found empty costs no system call.
 *
 * <p><b>Handler failures.</b> An exception thrown by a handler does not stop the drain and is not
 * swallowed: the record is consumed, the remaining records of every ring are still delivered, and
 * after the drain {@link #poll} throws a {@link HandlerException} carrying the first exception as
 * cause, the next ones as suppressed and the count. An {@link Error} propagates at once.
 *
 * <p>The readers stay owned by whoever opened them (e.g. the skeleton): closing the poller releases
 * only its wait set; a reader closed while the poller runs is simply empty from then on.
 * Thread-safe: polls are serialised, and {@link #close()} wakes a waiting poll.
 *
 * <p>To serve perf buffers in the same wait as rings, use {@link io.bpf4j.events.EventPoller}.
 */
public final class RingBufferPoller implements AutoCloseable {
    /** The drain interval when none is set: the interval libbpf users typically consume at. */
    public static final Duration DEFAULT_DRAIN_INTERVAL = Duration.ofMillis(10);

    private final PolledRing[] rings;
    private final EventWaiter waiter;
    private final long drainIntervalMillis;
    private final HandlerFailures failures;
    private final String description;
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile boolean closed;

    private RingBufferPoller(List<PolledRing> rings, EventWaiter waiter, Duration drainInterval,
            HandlerFailures failures) {
        this.rings = rings.toArray(PolledRing[]::new);
        this.waiter = waiter;
        this.drainIntervalMillis = Math.max(1, drainInterval.toMillis());
        this.failures = failures;
        this.description = rings.stream().map(r -> "'" + r.reader().name() + "'")
                .collect(Collectors.joining(", ", "ring buffers ", ""));
    }

    /** Starts a poller; add at least one ring. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Delivers every available record of every ring; when there are none, waits up to
     * {@code timeout} for a wake-up, draining every ring at least every drain interval meanwhile.
     * Returns once a drain delivered records or the timeout has passed.
     *
     * @return the number of records delivered
     * @throws HandlerException when handlers threw (after every available record was delivered)
     */
    public int poll(Duration timeout) {
        pollLock.lock();
        try {
            int delivered = drainAll();
            if (delivered > 0 || timeout.isZero() || closed) {
                return delivered; // the hot path: no clock read, no system call
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (delivered == 0 && !closed) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    break;
                }
                waiter.await(Math.min(remaining, drainIntervalMillis));
                delivered = drainAll();
            }
            return delivered;
        } finally {
            pollLock.unlock();
        }
    }

    /**
     * Delivers every available record of every ring without waiting.
     *
     * @return the number of records delivered
     * @throws HandlerException when handlers threw (after every available record was delivered)
     */
    public int drain() {
        pollLock.lock();
        try {
            return drainAll();
        } finally {
            pollLock.unlock();
        }
    }

    private int drainAll() {
        int delivered = 0;
        for (PolledRing ring : rings) {
            delivered += ring.drain();
        }
        failures.throwIfAny(description, delivered);
        return delivered;
    }

    /** Wakes a waiting poll and releases the wait set; the readers stay open. Idempotent. */
    @Override
    public void close() {
        closed = true;
        waiter.close();
    }

    @Override
    public String toString() {
        return "poller of " + description + (closed ? " (closed)" : "");
    }

    /** Collects the rings, their handlers and the drain interval of a {@link RingBufferPoller}. */
    public static final class Builder {
        private final List<RingBufferReader<?>> readers = new ArrayList<>();
        private final List<RecordHandler> handlers = new ArrayList<>();
        private Duration drainInterval = DEFAULT_DRAIN_INTERVAL;

        private Builder() {}

        /** Adds a ring whose records are delivered as typed values (the record path). */
        public <T> Builder add(RingBufferReader<T> reader, Consumer<? super T> handler) {
            Objects.requireNonNull(handler, "handler");
            return addViews(reader, (data, offset, length) -> handler.accept(reader.decode(data, offset, length)));
        }

        /** Adds a ring whose records are delivered in place (the zero-allocation view path). */
        public Builder addViews(RingBufferReader<?> reader, RecordHandler handler) {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(handler, "handler");
            if (readers.contains(reader)) {
                throw new IllegalArgumentException("ring buffer '" + reader.name() + "' is already in this poller");
            }
            readers.add(reader);
            handlers.add(handler);
            return this;
        }

        /**
         * How often a waiting poll drains every ring even without a wake-up (producers using
         * {@code BPF_RB_NO_WAKEUP}); at least a millisecond. Default {@link #DEFAULT_DRAIN_INTERVAL}.
         */
        public Builder drainInterval(Duration interval) {
            if (interval.isNegative() || interval.toMillis() < 1) {
                throw new IllegalArgumentException("drain interval " + interval + " is shorter than a millisecond");
            }
            this.drainInterval = interval;
            return this;
        }

        /**
         * Opens the wait set over every ring added.
         *
         * @throws IllegalStateException when no ring was added or a reader is closed
         * @throws IllegalArgumentException when the rings come from backends that cannot be waited on together
         */
        public RingBufferPoller build() {
            if (readers.isEmpty()) {
                throw new IllegalStateException("a ring buffer poller needs at least one ring buffer");
            }
            HandlerFailures failures = new HandlerFailures();
            List<PolledRing> rings = new ArrayList<>();
            EventWaiter waiter = readers.get(0).memory().openWaiter();
            try {
                for (int i = 0; i < readers.size(); i++) {
                    waiter.watch(readers.get(i).memory());
                    rings.add(new PolledRing(readers.get(i), handlers.get(i), failures));
                }
            } catch (RuntimeException e) {
                waiter.close();
                throw e;
            }
            return new RingBufferPoller(rings, waiter, drainInterval, failures);
        }
    }
}
