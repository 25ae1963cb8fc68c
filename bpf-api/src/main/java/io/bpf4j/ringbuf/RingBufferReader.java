package io.bpf4j.ringbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.text.Printable;
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
 * <p>Thread-safe: polls are serialised. {@link #close()} may come from any thread, a handler of
 * this reader's own drain included, and never waits for a drain (a handler closing the skeleton
 * while another thread closes it must not deadlock): the drain stops after the record in hand, and
 * the memory stays shared until the drain has ended ({@link RingBufferMemory#beginRead()}). When
 * the backend closes the memory itself (its object closing first), each drain's
 * {@code beginRead()} says so and the reader reports an empty ring from then on.
 *
 * <p>A record's bytes are the ring's own memory, valid only during its handler: a view kept
 * afterwards may show a later record, and after close shows zeros (never freed memory).
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
    RingBufferReader(String name, RingBufferMemory memory, Codec<T> codec) {
        this.name = Objects.requireNonNull(name, "name");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.codec = Objects.requireNonNull(codec, "codec");
        int size = memory.size();
        if (size <= 0 || Integer.bitCount(size) != 1 || size > RingBufferMemory.MAX_SIZE) {
            throw new IllegalArgumentException("ring buffer '" + Printable.escape(name) + "': size " + size
                    + " is not a power of two up to " + RingBufferMemory.MAX_SIZE);
        }
        int capacity = memory.data().capacity();
        if (capacity < RingBufferMemory.dataCapacity(size)) {
            throw new IllegalArgumentException("ring buffer '" + Printable.escape(name) + "': its data area of "
                    + capacity + " bytes does not hold the double mapping of " + size + " bytes ("
                    + RingBufferMemory.dataCapacity(size) + " bytes)");
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
     * Delivers every available record in place without waiting. A record is consumed when its
     * handler returns or throws, so an exception from the handler propagates once, the record is
     * not delivered again, and the records after it wait for the next drain. (A
     * {@link RingBufferPoller} instead delivers them and reports every failure at the end.)
     */
    public int drainViews(RecordHandler handler) {
        lock.lock();
        try {
            // beginRead fails once the backend closed the memory (say, with its object): the
            // mapping may be gone, and touching it would crash the JVM.
            if (closed || !memory.beginRead()) {
                return 0;
            }
            try {
                return deliver(handler);
            } finally {
                memory.endRead();
            }
        } finally {
            lock.unlock();
        }
    }

    private int deliver(RecordHandler handler) {
        var consumerBuf = memory.consumerPosition();
        var data = memory.data();
        long consumer = (long) LONG.getAcquire(consumerBuf, 0);
        long producer = (long) LONG.getAcquire(memory.producerPosition(), 0);
        int delivered = 0;
        while (consumer < producer && !closed) { // a handler may close this reader
            int headerAt = (int) (consumer & mask);
            int header = (int) INT.getAcquire(data, headerAt);
            if ((header & BUSY_BIT) != 0) {
                break; // reserved but not yet committed: later records wait for it
            }
            int length = header & ~(BUSY_BIT | DISCARD_BIT);
            consumer += (length + HEADER_SIZE + 7) & ~7L;
            try {
                if ((header & DISCARD_BIT) == 0) {
                    delivered++;
                    handler.onRecord(data, headerAt + HEADER_SIZE, length);
                }
            } finally {
                // Released only after the handler: the producer may overwrite the space at once.
                LONG.setRelease(consumerBuf, 0, consumer);
            }
            if (consumer >= producer) {
                producer = (long) LONG.getAcquire(memory.producerPosition(), 0);
            }
        }
        return delivered;
    }

    /**
     * The ring's memory, whose wake-up channel a poller waits on ({@link RingBufferPoller},
     * {@link io.bpf4j.events.EventPoller}); waiting on it never touches the ring's memory.
     */
    RingBufferMemory memory() {
        return memory;
    }

    /**
     * Decodes a record delivered on the view path into the typed value.
     *
     * @throws IllegalStateException when the record is shorter than the type
     */
    public T decode(java.nio.ByteBuffer data, int offset, int length) {
        if (length < codec.size()) {
            throw new IllegalStateException("ring buffer '" + name + "': a record of " + length
                    + " bytes is shorter than its type (" + codec.size() + " bytes)");
        }
        return codec.decode(data, offset);
    }

    /** Closes the ring's memory; a running drain ends after its current record. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            memory.close(); // idempotent, and never waits for a drain
        }
    }
}
