package io.bpf4j.tools.histogram;

/** Counts per bucket, as a BPF program collects them in an array of slots. */
public sealed interface Histogram permits Log2Histogram, LinearHistogram {
    /** Number of buckets, empty ones included. */
    int bucketCount();

    /** The count of bucket {@code index}. */
    long count(int index);

    /** The sum of every bucket's count. */
    default long total() {
        long total = 0;
        for (int i = 0; i < bucketCount(); i++) {
            total += count(i);
        }
        return total;
    }

    /** True when every bucket is zero; such a histogram prints nothing. */
    default boolean isEmpty() {
        for (int i = 0; i < bucketCount(); i++) {
            if (count(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
