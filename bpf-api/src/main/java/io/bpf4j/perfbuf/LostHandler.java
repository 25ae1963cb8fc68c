package io.bpf4j.perfbuf;

/**
 * Told when the kernel reports dropped samples: a CPU's ring was full when the program wrote, and
 * the kernel says so with a {@code PERF_RECORD_LOST} record once there is room again.
 */
@FunctionalInterface
public interface LostHandler {
    /** A handler that only lets the reader count (see {@link PerfBufferReader#lostSamples(int)}). */
    LostHandler IGNORE = (cpu, count) -> { };

    /**
     * Called in ring order, between the samples written before and after the loss.
     *
     * @param cpu the CPU whose ring overflowed
     * @param count how many samples were dropped
     */
    void onLost(int cpu, long count);
}
