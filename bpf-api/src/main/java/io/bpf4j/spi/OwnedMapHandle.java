package io.bpf4j.spi;

/**
 * A map handle that owns its file descriptor: one opened from a pin or by id rather than taken
 * from a loaded object. The caller closes it; closing releases only this process's reference (the
 * map lives on while a pin, a program or another fd holds it). {@link #close()} is idempotent, and
 * operations after it throw {@link IllegalStateException}.
 */
public interface OwnedMapHandle extends MapHandle, AutoCloseable {
    /** Closes the file descriptor once the operations in flight have ended; idempotent. */
    @Override
    void close();
}
