package io.bpf4j.map;

import java.util.List;
import java.util.function.ToLongFunction;

/** Aggregates over one element's per-CPU values. */
public final class PerCpuValues {
    private PerCpuValues() {}

    /** The sum of {@code measure} over every CPU's value. */
    public static <V> long sum(List<V> values, ToLongFunction<? super V> measure) {
        long total = 0;
        for (V value : values) {
            total += measure.applyAsLong(value);
        }
        return total;
    }
}
