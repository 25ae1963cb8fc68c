package io.bpf4j.events;

import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.HandlerException;
import io.bpf4j.ringbuf.HandlerFailures;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.EventWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves ring buffers and perf buffers together from one thread with one wait: each {@link #poll}
 * drains every channel, and when all are empty sleeps in a single wait on all of them (one epoll
 * set on the real kernel, over the rings' and the perf events' own).
 *
 * <p><b>Timed drain.</b> Ring producers that submit with {@code BPF_RB_NO_WAKEUP} never signal the
 * wait, so a waiting {@link #poll} wakes at least every {@linkplain Builder#drainInterval drain
 * interval} and drains every channel anyway. Checking a channel is a load of its producer position
 * (per CPU for a perf buffer) in Java: a channel found empty costs no system call.
 *
 * <p><b>Handler failures.</b> An exception thrown by a handler does not stop the drain and is not
 * swallowed: the record is consumed, the remaining records of every channel are still delivered,
 * and after the drain {@link #poll} throws one {@link HandlerException} carrying the first exception
 * as cause, the next ones as suppressed and the count. Failures of a perf buffer's own lost-sample
 * handler are reported the same way. An {@link Error} propagates at once.
 *
 * <p>The readers stay owned by whoever opened them (e.g. the skeleton): closing the poller releases
 * only its wait set; a reader closed while the poller runs is simply empty from then on.
 * Thread-safe: polls are serialised, and {@link #close()} wakes a waiting poll.
 */
public final class EventPoller implements AutoCloseable {
    /** The drain interval when none is set: the interval libbpf users typically consume at. */
    public static final Duration DEFAULT_DRAIN_INTERVAL = Duration.ofMillis(10);

    private final PolledChannel[] channels;
    private final EventWaiter waiter;
    private final long drainIntervalMillis;
    private final HandlerFailures failures;
    private final String description;
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile boolean closed;

    private EventPoller(List<PolledChannel> channels, EventWaiter waiter, Duration drainInterval,
            HandlerFailures failures) {
        this.channels = channels.toArray(PolledChannel[]::new);
        this.waiter = waiter;
        this.drainIntervalMillis = Math.max(1, drainInterval.toMillis());
        this.failures = failures;
        this.description = channels.stream().map(PolledChannel::description).collect(Collectors.joining(", "));
    }

    /** Starts a poller; add at least one ring or perf buffer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Delivers every available record of every channel; when there are none, waits up to
     * {@code timeout} for a wake-up, draining every channel at least every drain interval meanwhile.
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
     * Delivers every available record of every channel without waiting.
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
        for (PolledChannel channel : channels) {
            delivered += channel.drain();
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
        return "event poller of " + description + (closed ? " (closed)" : "");
    }

    /** Collects the channels, their handlers and the drain interval of an {@link EventPoller}. */
    public static final class Builder {
        /** One per channel added; the failures they report to exist only once the poller is built. */
        private final List<Function<HandlerFailures, PolledChannel>> channels = new ArrayList<>();
        private final List<AutoCloseable> readers = new ArrayList<>();
        private Duration drainInterval = DEFAULT_DRAIN_INTERVAL;

        private Builder() {}

        /** Adds a ring buffer whose records are delivered as typed values (the record path). */
        public <T> Builder ring(RingBufferReader<T> reader, Consumer<? super T> handler) {
            Objects.requireNonNull(handler, "handler");
            return ringViews(reader, (data, offset, length) -> handler.accept(reader.decode(data, offset, length)));
        }

        /** Adds a ring buffer whose records are delivered in place (the zero-allocation view path). */
        public Builder ringViews(RingBufferReader<?> reader, RecordHandler handler) {
            Objects.requireNonNull(handler, "handler");
            add(reader, "ring buffer '" + reader.name() + "'");
            channels.add(failures -> new PolledRingBuffer(reader, handler, failures));
            return this;
        }

        /** Adds a perf buffer whose samples are delivered as typed values (the record path). */
        public <T> Builder perf(PerfBufferReader<T> reader, Consumer<? super T> handler) {
            Objects.requireNonNull(handler, "handler");
            add(reader, "perf buffer '" + reader.name() + "'");
            channels.add(failures -> PolledPerfBuffer.typed(reader, handler, failures));
            return this;
        }

        /**
         * Adds a perf buffer whose samples are delivered in place (the zero-allocation view path);
         * a view may be up to 7 bytes longer than the program's record (the kernel's padding).
         */
        public Builder perfViews(PerfBufferReader<?> reader, RecordHandler handler) {
            Objects.requireNonNull(handler, "handler");
            add(reader, "perf buffer '" + reader.name() + "'");
            channels.add(failures -> PolledPerfBuffer.views(reader, handler, failures));
            return this;
        }

        private void add(AutoCloseable reader, String what) {
            Objects.requireNonNull(reader, "reader");
            if (readers.contains(reader)) {
                throw new IllegalArgumentException(what + " is already in this poller");
            }
            readers.add(reader);
        }

        /**
         * How often a waiting poll drains every channel even without a wake-up (ring producers
         * using {@code BPF_RB_NO_WAKEUP}); at least a millisecond. Default {@link #DEFAULT_DRAIN_INTERVAL}.
         */
        public Builder drainInterval(Duration interval) {
            if (interval.isNegative() || interval.toMillis() < 1) {
                throw new IllegalArgumentException("drain interval " + interval + " is shorter than a millisecond");
            }
            this.drainInterval = interval;
            return this;
        }

        /**
         * Opens the wait set over every channel added.
         *
         * @throws IllegalStateException when no channel was added or a reader is closed
         * @throws IllegalArgumentException when the channels come from backends that cannot be
         *     waited on together
         */
        public EventPoller build() {
            if (channels.isEmpty()) {
                throw new IllegalStateException("an event poller needs at least one ring or perf buffer");
            }
            HandlerFailures failures = new HandlerFailures();
            List<PolledChannel> built = new ArrayList<>();
            for (Function<HandlerFailures, PolledChannel> channel : channels) {
                built.add(channel.apply(failures));
            }
            EventWaiter waiter = built.get(0).source().openWaiter();
            try {
                for (PolledChannel channel : built) {
                    waiter.watch(channel.source());
                }
            } catch (RuntimeException e) {
                waiter.close();
                throw e;
            }
            return new EventPoller(built, waiter, drainInterval, failures);
        }
    }
}
