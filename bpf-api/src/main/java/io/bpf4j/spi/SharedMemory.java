package io.bpf4j.spi;

/**
 * Memory shared with a BPF producer and read in place (ring and perf buffers), which its backend
 * may close from another thread: closing the loaded object closes every buffer of it, readers or
 * not. Readers bracket every drain with {@link #beginRead()} and {@link #endRead()}: a drain in
 * progress keeps the memory shared with the producer until it ends, so it never sees the memory
 * change under it. {@link #close()} never waits for a drain (a handler that closes its own reader,
 * or the whole object, mid-drain must not deadlock): the last drain to end finishes the close.
 *
 * <p>After close the buffers stay safe to touch — a record view kept past its handler reads
 * zeros (the native backend) or the last contents (a fake), never freed memory.
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

    /** Closes the memory; idempotent. Returns at once; the sharing ends when the open reads have ended. */
    @Override
    void close();
}
