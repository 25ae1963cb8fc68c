package io.bpf4j.tools.histogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * A power-of-two histogram in the slot layout of libbpf-tools ({@code bits.bpf.h}'s
 * {@code log2l}): slot {@code i} counts the values {@code v} with {@code floor(log2(v)) == i},
 * i.e. {@code 2^i <= v <= 2^(i+1) - 1}, and slot 0 also counts 0. That is the layout of
 * {@code struct hist { __u32 slots[26]; }} in runqlat, biolatency and friends.
 *
 * <p>BCC's Python tools index their {@code BPF_HISTOGRAM} with {@code bpf_log2l}, which is one
 * higher ({@code bpf_log2l(1) == 1}); such an array becomes a {@code Log2Histogram} by dropping its
 * element 0 (the zero values, which BCC never prints either). Immutable.
 */
public final class Log2Histogram implements Histogram {
    /** Slots needed for every unsigned 64-bit value. */
    public static final int MAX_SLOTS = 64;

    private final long[] counts;

    private Log2Histogram(long[] counts) {
        if (counts.length > MAX_SLOTS) {
            throw new IllegalArgumentException("a log2 histogram has at most " + MAX_SLOTS + " slots, got "
                    + counts.length);
        }
        this.counts = counts;
    }

    /** A histogram of these slot counts (copied); counts must not be negative. */
    public static Log2Histogram of(long... counts) {
        return new Log2Histogram(Counts.checkedCopy(Objects.requireNonNull(counts, "counts")));
    }

    /** A histogram of {@code __u32} slot counts, each read as unsigned. */
    public static Log2Histogram ofUnsigned(int... counts) {
        return new Log2Histogram(Counts.unsigned(Objects.requireNonNull(counts, "counts")));
    }

    /** The slot {@code value} (unsigned) falls in, as the BPF side's {@code log2l} computes it. */
    public static int slotOf(long value) {
        return value == 0 ? 0 : 63 - Long.numberOfLeadingZeros(value);
    }

    /** The smallest value of slot {@code slot} as BCC prints it: 0 for slot 0, else {@code 2^slot}. */
    public static long lowerBound(int slot) {
        checkSlot(slot);
        return slot == 0 ? 0 : 1L << slot;
    }

    /** The largest value of slot {@code slot}, {@code 2^(slot+1) - 1}, unsigned (slot 63 gives -1, i.e. 2^64-1). */
    public static long upperBound(int slot) {
        checkSlot(slot);
        return slot == MAX_SLOTS - 1 ? -1L : (1L << (slot + 1)) - 1;
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= MAX_SLOTS) {
            throw new IllegalArgumentException("slot " + slot + " is outside 0.." + (MAX_SLOTS - 1));
        }
    }

    /** A builder that counts values or adds to slots, for histograms assembled in Java. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int bucketCount() {
        return counts.length;
    }

    @Override
    public long count(int slot) {
        return counts[slot];
    }

    /** A copy of the slot counts. */
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Log2Histogram that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Log2Histogram" + Arrays.toString(counts);
    }

    /** Accumulates counts per slot; {@link #build()} keeps only the slots up to the last one used. */
    public static final class Builder {
        private final long[] counts = new long[MAX_SLOTS];

        private Builder() {
        }

        /** Counts one occurrence of {@code value} (unsigned) in its slot. */
        public Builder record(long value) {
            counts[slotOf(value)]++;
            return this;
        }

        /** Adds {@code count} to slot {@code slot}, e.g. from a map keyed by (bucket, slot) as BCC tools use. */
        public Builder add(int slot, long count) {
            checkSlot(slot);
            if (count < 0) {
                throw new IllegalArgumentException("count " + count + " for slot " + slot + " is negative");
            }
            counts[slot] += count;
            return this;
        }

        /** The histogram of what was recorded so far. */
        public Log2Histogram build() {
            int used = MAX_SLOTS;
            while (used > 0 && counts[used - 1] == 0) {
                used--;
            }
            return new Log2Histogram(Arrays.copyOf(counts, used));
        }
    }
}
