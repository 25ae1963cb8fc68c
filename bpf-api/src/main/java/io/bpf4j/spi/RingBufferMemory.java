package io.bpf4j.spi;

import java.nio.ByteBuffer;

/**
 * The memory of a BPF ring buffer, laid out as the kernel lays it out, so that one reader
 * ({@link io.bpf4j.ringbuf.RingBufferReader}) reads the real kernel's and the fake's alike.
 *
 * <p>All buffers are in native byte order and show the ring until {@link #close()}; afterwards
 * they are still safe to touch but no longer the ring (see {@link SharedMemory}).
 */
public interface RingBufferMemory extends EventSource, SharedMemory {
    /** The data area's size in bytes: a power of two. */
    int size();

    /** At least 8 bytes, writable: the consumer position (a 64-bit counter of bytes consumed). */
    ByteBuffer consumerPosition();

    /** At least 8 bytes: the producer position, written by the kernel. */
    ByteBuffer producerPosition();

    /**
     * {@code 2 * size()} bytes: the data area mapped twice in a row, so a record that wraps around
     * the end is still contiguous. Each record has an 8-byte header: a 32-bit length whose bit 31
     * means "still being written" and bit 30 "discarded", then 32 bits the reader ignores.
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
