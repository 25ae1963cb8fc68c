package io.bpf4j.test.fake;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.text.Printable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import java.util.Objects;

/**
 * The producer side of a fake ring buffer: what a BPF program does with {@code bpf_ringbuf_output}.
 *
 * <p>The memory has the kernel's layout: a consumer position, a producer position and a data area
 * of {@code max_entries} bytes that appears twice in a row, as the kernel's double mapping shows
 * it; each record has an 8-byte header (length, bit 31 "busy", bit 30 "discarded") and is padded
 * to 8 bytes. So {@link io.bpf4j.ringbuf.RingBufferReader}, the reader of the real kernel's ring,
 * reads this one. A record that does not fit in the free space is dropped and counted, as
 * {@code bpf_ringbuf_reserve} fails in the kernel.
 *
 * <p>The memory is allocated when first used (a push or a reader), not at load: an object may
 * declare a ring of any size the kernel accepts, up to 2 GiB, as the real kernel's backend loads
 * it. Rings above {@link RingBufferMemory#MAX_SIZE} are refused when used, as the real backend
 * refuses their readers.
 */
public final class FakeRingBuffer {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final int BUSY_BIT = 1 << 31;
    private static final int DISCARD_BIT = 1 << 30;
    private static final int HEADER_SIZE = 8;

    private final String name;
    private final long size;
    private final ByteBuffer consumer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    private final ByteBuffer producer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    /** Allocated on first use: {@link RingBufferMemory#dataCapacity} bytes. */
    private ByteBuffer data;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pushed = lock.newCondition();
    private long dropped;

    FakeRingBuffer(String name, long size) {
        if (size <= 0 || Long.bitCount(size) != 1 || size > MAX_KERNEL_SIZE) {
            throw new IllegalArgumentException("ring buffer '" + Printable.escape(name) + "' size " + size
                    + " is not a power of two up to " + MAX_KERNEL_SIZE + ", as the kernel requires");
        }
        this.name = name;
        this.size = size;
    }

    /** The largest ring the kernel creates: the largest power of two a u32 {@code max_entries} holds. */
    static final long MAX_KERNEL_SIZE = 1L << 31;

    /** The data area, allocated on first use; the caller holds {@link #lock}. */
    private ByteBuffer data() {
        if (data == null) {
            int checked = RingBufferMemory.checkedSize(name, size);
            data = ByteBuffer.allocateDirect(RingBufferMemory.dataCapacity(checked)).order(ByteOrder.nativeOrder());
        }
        return data;
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** The data area's size in bytes ({@code max_entries}). */
    public long size() {
        return size;
    }

    /** Pushes a record encoded by {@code codec}; false when it was dropped for lack of space. */
    public <T> boolean push(Codec<T> codec, T value) {
        ByteBuffer record = ByteBuffer.allocate(codec.size()).order(ByteOrder.nativeOrder());
        codec.encode(value, record, 0);
        return push(record.array());
    }

    /** Pushes a raw record; false when it was dropped for lack of space. */
    public boolean push(byte[] record) {
        return write(record, 0);
    }

    /** Writes a record the program reserved and then discarded: the reader must skip it. */
    public boolean pushDiscarded(byte[] record) {
        return write(record, DISCARD_BIT);
    }

    /** How many records were dropped because the ring was full. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes produced but not yet consumed, headers and padding included. */
    public long pendingBytes() {
        return (long) LONG.getAcquire(producer, 0) - (long) LONG.getAcquire(consumer, 0);
    }

    private boolean write(byte[] record, int flags) {
        Objects.requireNonNull(record, "record");
        lock.lock();
        try {
            long start = (long) LONG.getAcquire(producer, 0);
            long total = (record.length + HEADER_SIZE + 7L) & ~7L;
            // As the kernel checks it: the producer may run at most size - 1 bytes ahead of the consumer.
            if (total > size || start + total - (long) LONG.getAcquire(consumer, 0) > size - 1) {
                dropped++;
                return false;
            }
            data();
            int at = (int) (start & (size - 1));
            // Reserve (busy header, producer moved on), fill, then commit: the order the kernel uses.
            putHeader(at, record.length | BUSY_BIT);
            LONG.setRelease(producer, 0, start + total);
            for (int i = 0; i < record.length; i++) {
                putMirrored(at + HEADER_SIZE + i, record[i]);
            }
            putHeader(at, record.length | flags);
            pushed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void putHeader(int at, int header) {
        // Headers are 8-byte aligned, so they never straddle the end of the data area.
        INT.setRelease(data, at, header);
        INT.setRelease(data, (int) (at + size), header);
    }

    private void putMirrored(int offset, byte b) {
        int at = (int) (offset & (size - 1));
        data.put(at, b);
        // A 1 GiB ring's buffer ends one byte before the last mirrored byte, which no record reaches.
        long mirror = at + size;
        if (mirror < data.capacity()) {
            data.put((int) mirror, b);
        }
    }

    /** Waits until unconsumed data is present or the timeout passes, as epoll on the ring does. */
    boolean awaitData(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (pendingBytes() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pushed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter, e.g. when a reader's mapping closes. */
    void wakeAll() {
        lock.lock();
        try {
            pushed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    ByteBuffer consumerPosition() {
        return consumer.duplicate().order(ByteOrder.nativeOrder());
    }

    ByteBuffer producerPosition() {
        return producer.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    ByteBuffer dataArea() {
        lock.lock();
        try {
            return data().asReadOnlyBuffer().order(ByteOrder.nativeOrder());
        } finally {
            lock.unlock();
        }
    }
}
