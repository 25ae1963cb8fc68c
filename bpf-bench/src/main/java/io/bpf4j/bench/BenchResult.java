package io.bpf4j.bench;

import java.util.Locale;

/**
 * One benchmark's figures, Java's beside C's.
 *
 * @param name the benchmark, such as {@code ringbuf_drain_view_10k}
 * @param java the Java path's median, in {@code unit}
 * @param c the libbpf C harness's median, in {@code unit}
 * @param unit what the figures count, such as {@code M records/s} (higher is better) or
 *     {@code ns/poll} (lower is better)
 */
record BenchResult(String name, double java, double c, String unit) {
    /** Java's figure divided by C's. */
    double ratio() {
        return java / c;
    }

    /** {@code name java=… c=… ratio=… unit}, the line {@code ./bpf4j bench} prints. */
    String line() {
        return String.format(Locale.ROOT, "%s java=%.2f c=%.2f ratio=%.2f %s", name, java, c, ratio(), unit);
    }

    /**
     * An allocation line, {@code name java=… c=0 unit}: C has no counterpart (libbpf works on the
     * caller's memory), so there is no ratio.
     */
    static String allocationLine(String name, double javaBytes, String unit) {
        return String.format(Locale.ROOT, "%s java=%.2f c=0 %s", name, javaBytes, unit);
    }
}
