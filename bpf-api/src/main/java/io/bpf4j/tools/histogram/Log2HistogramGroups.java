package io.bpf4j.tools.histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Builds one log2 histogram per section from the entries of a map keyed by (section, slot), the
 * layout BCC tools use for per-process or per-disk histograms ({@code struct { u32 pid; u64 slot; }}).
 * The section function plays the part of BCC's {@code bucket_fn}: keys it maps to the same
 * section share a histogram.
 */
public final class Log2HistogramGroups {
    private Log2HistogramGroups() {
    }

    /**
     * The histograms by section, in the order sections are first met (BCC iterates a Python dict
     * the same way; pass the result through a {@code TreeMap} to sort it). Counts of entries that
     * land in the same section and slot are added up, where BCC would keep only the last one.
     *
     * @param section the section of an entry, e.g. its pid or its command name
     * @param slot the log2 slot of an entry
     * @param count the entry's count
     */
    public static <T, K> Map<K, Log2Histogram> bySection(Iterable<? extends T> entries,
            Function<? super T, ? extends K> section, ToIntFunction<? super T> slot, ToLongFunction<? super T> count) {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(count, "count");
        Map<K, Log2Histogram.Builder> builders = new LinkedHashMap<>();
        for (T entry : entries) {
            builders.computeIfAbsent(section.apply(entry), key -> Log2Histogram.builder())
                    .add(slot.applyAsInt(entry), count.applyAsLong(entry));
        }
        Map<K, Log2Histogram> histograms = new LinkedHashMap<>();
        builders.forEach((key, builder) -> histograms.put(key, builder.build()));
        return histograms;
    }
}
