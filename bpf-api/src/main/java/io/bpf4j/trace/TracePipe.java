package io.bpf4j.trace;

import java.time.Duration;

/** The kernel's trace pipe ({@code bpf_printk} output). Reading consumes lines. */
public interface TracePipe extends AutoCloseable {
    /**
     * The next line without its newline, or {@code null} when none arrived within the timeout.
     */
    String readLine(Duration timeout);

    /** Closes the pipe; idempotent. */
    @Override
    void close();
}
