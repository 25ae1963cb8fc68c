package io.bpf4j.tools.histogram;

/** Checks and conversions shared by the histogram types. */
final class Counts {
    private Counts() {
    }

    /** A copy of {@code counts}, refusing negative values (no BPF counter can hold one below 2^63). */
    static long[] checkedCopy(long[] counts) {
        long[] copy = counts.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0) {
                throw new IllegalArgumentException("bucket " + i + " has a negative count: " + copy[i]);
            }
        }
        return copy;
    }

    /** {@code u32} slots as a BPF program declares them ({@code __u32 slots[26]}), read unsigned. */
    static long[] unsigned(int[] counts) {
        long[] widened = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            widened[i] = Integer.toUnsignedLong(counts[i]);
        }
        return widened;
    }

    /** Index of the last non-zero count, or -1. */
    static int lastNonZero(Histogram histogram) {
        for (int i = histogram.bucketCount() - 1; i >= 0; i--) {
            if (histogram.count(i) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** The largest count. */
    static long max(Histogram histogram) {
        long max = 0;
        for (int i = 0; i < histogram.bucketCount(); i++) {
            max = Math.max(max, histogram.count(i));
        }
        return max;
    }
}
