package io.bpf4j.tools.histogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram of equal-width buckets: bucket {@code i} starts at {@code base + i * step}. BCC's
 * {@code print_linear_hist} is the case {@code base = 0, step = 1} (the map key is the value);
 * libbpf-tools' takes any base and step. Immutable.
 */
public final class LinearHistogram implements Histogram {
    private final long[] counts;
    private final long base;
    private final long step;

    private LinearHistogram(long[] counts, long base, long step) {
        if (step <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        this.counts = counts;
        this.base = base;
        this.step = step;
    }

    /** Buckets 0, 1, 2, ... holding these counts (copied). */
    public static LinearHistogram of(long... counts) {
        return withRange(0, 1, counts);
    }

    /** Buckets starting at {@code base}, {@code step} apart, holding these counts (copied). */
    public static LinearHistogram withRange(long base, long step, long... counts) {
        return new LinearHistogram(Counts.checkedCopy(Objects.requireNonNull(counts, "counts")), base, step);
    }

    /** Like {@link #withRange} for {@code __u32} counts, each read as unsigned. */
    public static LinearHistogram ofUnsigned(long base, long step, int... counts) {
        return new LinearHistogram(Counts.unsigned(Objects.requireNonNull(counts, "counts")), base, step);
    }

    @Override
    public int bucketCount() {
        return counts.length;
    }

    @Override
    public long count(int index) {
        return counts[index];
    }

    /** The first value of bucket {@code index}: {@code base + index * step}. */
    public long bucketStart(int index) {
        return base + index * step;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearHistogram that && base == that.base && step == that.step
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, step, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "LinearHistogram[base=" + base + ", step=" + step + ", " + Arrays.toString(counts) + "]";
    }
}
