package io.bpf4j.ringbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.RingBufferMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Consumes a BPF ring buffer from its shared memory, as the kernel's producer expects: an acquire
 * load of the producer position and of each record header, a release store of the consumer
 * position after each record. Waiting uses the backend's wake-up channel (epoll on the real
 * kernel); draining never calls into native code.
 *
 * <p>Thread-safe: polls are serialised, and {@link #close()} waits for a running drain so the
 * ring's memory is never touched after it is unmapped.
 *
 * @param <T> the record type of the typed path
 */
public final class RingBufferReader<T> implements AutoCloseable {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final int BUSY_BIT = 1 << 31;
    private static final int DISCARD_BIT = 1 << 30;
    private static final int HEADER_SIZE = 8;

    private final String name;
    private final RingBufferMemory memory;
    private final Codec<T> codec;
    private final long mask;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    /**
     * @param name the map's name, for messages
     * @param memory the ring's memory; this reader closes it
     * @param codec decodes records for the typed path
     */
    public RingBufferReader(String name, RingBufferMemory memory, Codec<T> codec) {
        this.name = Objects.requireNonNull(name, "name");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.codec = Objects.requireNonNull(codec, "codec");
        int size = memory.size();
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring buffer '" + name + "' size " + size + " is not a power of two");
        }
        this.mask = size - 1L;
    }

    /** The ring buffer map's name. */
    public String name() {
        return name;
    }

    /**
     * Delivers every available record as a typed value; when none is available, waits up to
     * {@code timeout} for the producer first.
     *
     * @return the number of records delivered
     */
    public int poll(Duration timeout, Consumer<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return pollViews(timeout, (data, offset, length) -> handler.accept(decode(data, offset, length)));
    }

    /**
     * The view path: delivers every available record in place, allocating nothing; when none is
     * available, waits up to {@code timeout} for the producer first.
     *
     * @return the number of records delivered
     */
    public int pollViews(Duration timeout, RecordHandler handler) {
        int n = drainViews(handler);
        if (n > 0 || timeout.isZero() || closed) {
            return n;
        }
        memory.awaitData(Math.max(1, timeout.toMillis()));
        return drainViews(handler);
    }

    /** Delivers every available record as a typed value without waiting. */
    public int drain(Consumer<? super T> handler) {
        return drainViews((data, offset, length) -> handler.accept(decode(data, offset, length)));
    }

    /**
     * Delivers every available record in place without waiting. A record is consumed before its
     * handler runs, so an exception from the handler propagates once and the record is not
     * delivered again.
     */
    public int drainViews(RecordHandler handler) {
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            var consumerBuf = memory.consumerPosition();
            var data = memory.data();
            long consumer = (long) LONG.getAcquire(consumerBuf, 0);
            long producer = (long) LONG.getAcquire(memory.producerPosition(), 0);
            int delivered = 0;
            while (consumer < producer) {
                int headerAt = (int) (consumer & mask);
                int header = (int) INT.getAcquire(data, headerAt);
                if ((header & BUSY_BIT) != 0) {
                    break; // reserved but not yet committed: later records wait for it
                }
                int length = header & ~(BUSY_BIT | DISCARD_BIT);
                consumer += (length + HEADER_SIZE + 7) & ~7L;
                LONG.setRelease(consumerBuf, 0, consumer);
                if ((header & DISCARD_BIT) == 0) {
                    delivered++;
                    handler.onRecord(data, headerAt + HEADER_SIZE, length);
                }
                if (consumer >= producer) {
                    producer = (long) LONG.getAcquire(memory.producerPosition(), 0);
                }
            }
            return delivered;
        } finally {
            lock.unlock();
        }
    }

    private T decode(java.nio.ByteBuffer data, int offset, int length) {
        if (length < codec.size()) {
            throw new IllegalStateException("ring buffer '" + name + "': a record of " + length
                    + " bytes is shorter than its type (" + codec.size() + " bytes)");
        }
        return codec.decode(data, offset);
    }

    /** Unmaps the ring; waits for a running drain first. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                memory.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
