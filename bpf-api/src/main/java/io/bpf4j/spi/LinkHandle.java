package io.bpf4j.spi;

/** An attachment of a program; closing it detaches the program. */
public interface LinkHandle extends AutoCloseable {
    /** What is attached where, e.g. {@code "trace_openat → tracepoint syscalls/sys_enter_openat"}. */
    String description();

    /**
     * Pins the link at a path in a BPF file system, so the attachment outlives this process; it
     * then ends when the pin is removed (and every fd is closed).
     */
    default void pin(String path) {
        throw Unsupported.byBackend(this, "pinning link " + description() + " at " + path);
    }

    /** Atomically replaces the attached program with another program of the same object ({@code BPF_LINK_UPDATE}). */
    default void update(String programName) {
        throw Unsupported.byBackend(this, "updating link " + description() + " to program '" + programName + "'");
    }

    /**
     * Runs the attached iterator once and returns its output ({@code bpf_iter_create} + read);
     * each call is a fresh pass. The caller closes the stream.
     */
    default java.io.InputStream openIterator() {
        throw Unsupported.byBackend(this, "reading iterator " + description());
    }

    /**
     * Detaches; idempotent. Operations racing it throw {@link IllegalStateException}; it waits for
     * those in flight, so the program is detached when it returns (unless the link is pinned).
     */
    @Override
    void close();
}
