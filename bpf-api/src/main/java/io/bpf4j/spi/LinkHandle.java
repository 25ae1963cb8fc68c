package io.bpf4j.spi;

/** An attachment of a program; closing it detaches the program. */
public interface LinkHandle extends AutoCloseable {
    /** What is attached where, e.g. {@code "trace_openat → tracepoint syscalls/sys_enter_openat"}. */
    String description();

    /** Detaches; idempotent. */
    @Override
    void close();
}
