package io.bpf4j.spi;

/**
 * Memory shared with a BPF producer and read in place (ring and perf buffers), which its backend
 * may close from another thread: closing the loaded object closes every buffer of it, readers or
 * not. Readers bracket every access with {@link #beginRead()} and {@link #endRead()}; a backend
 * whose memory is unmapped on close defers the unmapping until the last open read ends, so a
 * buffer is never pulled from under a reader, and a handler that closes the object mid-drain
 * cannot deadlock.
 */
public interface SharedMemory extends AutoCloseable {
    /**
     * Starts a read of the buffers. Cheap (no system call), called once per drain.
     *
     * @return false once the memory is closed: then the buffers must not be touched, and
     *     {@link #endRead()} must not be called
     */
    default boolean beginRead() {
        return true;
    }

    /** Ends a read started by a successful {@link #beginRead()}. */
    default void endRead() {}

    /** Closes the memory; idempotent. Unmapping waits for open reads to end. */
    @Override
    void close();
}
