package io.bpf4j.tools.histogram;

/**
 * Which tool family's text a {@link HistogramFormatter} reproduces. The two differ in a few
 * characters, and tools are compared with {@code diff}, so both are kept exact.
 */
public enum HistogramStyle {
    /**
     * BCC's Python tools ({@code table.py}: {@code print_log2_hist}, {@code print_linear_hist}):
     * header {@code "count     distribution"}; log2 columns widen once a bucket's upper bound
     * exceeds 32 bits; linear histograms print every bucket from 0 to the last non-empty one.
     */
    BCC(" : count     distribution", 31, false),

    /**
     * libbpf-tools' C helpers ({@code trace_helpers.c}), which the eunomia-bpf tutorials use:
     * log2 header {@code "count    distribution"} (one space fewer); log2 columns widen after
     * slot 32; linear histograms print only non-empty buckets.
     */
    LIBBPF_TOOLS(" : count    distribution", 32, true);

    private final String log2CountHeader;
    private final int lastNarrowSlot;
    private final boolean linearSkipsEmptyBuckets;

    HistogramStyle(String log2CountHeader, int lastNarrowSlot, boolean linearSkipsEmptyBuckets) {
        this.log2CountHeader = log2CountHeader;
        this.lastNarrowSlot = lastNarrowSlot;
        this.linearSkipsEmptyBuckets = linearSkipsEmptyBuckets;
    }

    /** What follows the unit label in a log2 header line. */
    String log2CountHeader() {
        return log2CountHeader;
    }

    /** The highest last-used slot still printed with 10-digit columns and 40-star bars. */
    int lastNarrowSlot() {
        return lastNarrowSlot;
    }

    /** Whether empty linear buckets are left out (libbpf-tools) or printed (BCC). */
    boolean linearSkipsEmptyBuckets() {
        return linearSkipsEmptyBuckets;
    }
}
