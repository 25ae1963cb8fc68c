package io.bpf4j.spi;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;

/**
 * The memory of a BPF ring buffer, laid out as the kernel lays it out, so that one reader
 * ({@link io.bpf4j.ringbuf.RingBufferReader}) reads the real kernel's and the fake's alike.
 *
 * <p>All buffers are in native byte order and show the ring until {@link #close()}; afterwards
 * they are still safe to touch but no longer the ring (see {@link SharedMemory}).
 */
public interface RingBufferMemory extends EventSource, SharedMemory {
    /**
     * The largest ring bpf4j reads: 1 GiB. The kernel accepts rings up to 2 GiB (the largest power
     * of two a u32 {@code max_entries} holds), but records are addressed by {@code int} offsets into
     * {@link #data()}, which for a 2 GiB ring would have to span 4 GiB.
     */
    int MAX_SIZE = 1 << 30;

    /**
     * {@code size}, the {@code max_entries} of ring buffer {@code mapName}, when bpf4j can read a ring
     * of that size; backends call this before mapping anything.
     *
     * @throws UnsupportedFeatureException naming the map, its size and the limit, for rings larger
     *     than {@link #MAX_SIZE}
     * @throws IllegalArgumentException when {@code size} is not a power of two (the kernel creates
     *     no such ring)
     */
    static int checkedSize(String mapName, long size) {
        String operation = "mapping ring buffer '" + Printable.escape(mapName) + "'";
        if (size <= 0 || Long.bitCount(size) != 1) {
            throw new IllegalArgumentException(operation + ": its size " + size + " is not a power of two");
        }
        if (size > MAX_SIZE) {
            throw new UnsupportedFeatureException(operation, 0, "ring buffers larger than " + MAX_SIZE
                    + " bytes (1 GiB): this one has " + size + " bytes; its records could not be addressed"
                    + " in one Java buffer");
        }
        return (int) size;
    }

    /**
     * The capacity {@link #data()} has for a ring of {@code size} bytes: {@code 2 * size}, or
     * {@link Integer#MAX_VALUE} for a ring of {@link #MAX_SIZE}, whose double mapping is one byte
     * more than a buffer holds. Either way every record fits: one starts at most 8 bytes before the
     * end of the first copy and spans at most {@code size} bytes with its header.
     */
    static int dataCapacity(int size) {
        return (int) Math.min(2L * size, Integer.MAX_VALUE);
    }

    /** The data area's size in bytes: a power of two, at most {@link #MAX_SIZE}. */
    int size();

    /** At least 8 bytes, writable: the consumer position (a 64-bit counter of bytes consumed). */
    ByteBuffer consumerPosition();

    /** At least 8 bytes: the producer position, written by the kernel. */
    ByteBuffer producerPosition();

    /**
     * {@link #dataCapacity dataCapacity(size())} bytes: the data area mapped twice in a row, so a
     * record that wraps around the end is still contiguous. Each record has an 8-byte header: a
     * 32-bit length whose bit 31 means "still being written" and bit 30 "discarded", then 32 bits
     * the reader ignores.
     */
    ByteBuffer data();

    /**
     * Waits until the producer signals new data or the timeout passes.
     *
     * @return true when woken by the producer, false on timeout
     */
    @Override
    boolean awaitData(long timeoutMillis);

    /** Stops sharing the memory with the kernel once no drain is inside it; idempotent. */
    @Override
    void close();
}
