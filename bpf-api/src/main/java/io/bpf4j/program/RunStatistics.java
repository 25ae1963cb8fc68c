package io.bpf4j.program;

/**
 * Keeps the kernel counting every program's runs and run time ({@code BPF_ENABLE_STATS}) until
 * closed; counting costs a little on every program run, so it is off by default.
 */
public interface RunStatistics extends AutoCloseable {
    /** Stops counting (unless someone else still counts); idempotent. */
    @Override
    void close();
}
