package io.bpf4j.tools.histogram;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns histograms into the text BCC prints, character for character: a header such as
 * {@code "     usecs               : count     distribution"}, then one row per bucket such as
 * {@code "        16 -> 31         : 5        |****                                    |"}, with
 * bars of 40 stars scaled to the largest count. Rows run from the first bucket (or the first
 * non-empty one with {@link #stripLeadingZeros()}) to the last non-empty one; an empty histogram
 * prints nothing. Log2 histograms whose buckets pass 32 bits get 20-digit columns and 20-star
 * bars, as in BCC. Immutable and thread-safe.
 */
public final class HistogramFormatter {
    private static final int BAR_WIDTH = 40;
    private static final String LINEAR_COUNT_HEADER = " : count     distribution";

    private final HistogramStyle style;
    private final boolean stripLeadingZeros;

    private HistogramFormatter(HistogramStyle style, boolean stripLeadingZeros) {
        this.style = style;
        this.stripLeadingZeros = stripLeadingZeros;
    }

    /** BCC's Python output ({@code table.py}). */
    public static HistogramFormatter bcc() {
        return new HistogramFormatter(HistogramStyle.BCC, false);
    }

    /** libbpf-tools' output ({@code trace_helpers.c}). */
    public static HistogramFormatter libbpfTools() {
        return new HistogramFormatter(HistogramStyle.LIBBPF_TOOLS, false);
    }

    /** A formatter of the given style. */
    public static HistogramFormatter of(HistogramStyle style) {
        return new HistogramFormatter(Objects.requireNonNull(style, "style"), false);
    }

    /** The same formatter, but leaving out the empty buckets before the first non-empty one (BCC's {@code strip_leading_zero}). */
    public HistogramFormatter stripLeadingZeros() {
        return new HistogramFormatter(style, true);
    }

    /** The style this formatter reproduces. */
    public HistogramStyle style() {
        return style;
    }

    /**
     * The histogram as text, every line ending in {@code '\n'}; empty when the histogram is.
     *
     * @param unit the column label, e.g. {@code "usecs"}, {@code "msecs"}, {@code "kbytes"}
     */
    public String format(Histogram histogram, String unit) {
        return appendTo(new StringBuilder(), histogram, unit).toString();
    }

    /** Appends {@link #format(Histogram, String)}'s text to {@code out} and returns {@code out}. */
    public StringBuilder appendTo(StringBuilder out, Histogram histogram, String unit) {
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(unit, "unit");
        if (histogram instanceof Log2Histogram log2) {
            appendLog2(out, log2, unit);
        } else {
            appendLinear(out, (LinearHistogram) histogram, unit);
        }
        return out;
    }

    /**
     * One section per key, as BCC prints a histogram map keyed by (bucket, slot): for each entry,
     * in the map's iteration order (use a sorted map for BCC's {@code bucket_sort_fn}), an empty
     * line, {@code "<sectionHeader> = <label>"}, then the histogram.
     *
     * @param sectionLabel turns a key into its label, e.g. a pid into {@code "1234 bash"}
     *     (BCC's {@code section_print_fn}); {@code String::valueOf} prints the key as it is
     */
    public <K> String formatSections(Map<K, ? extends Histogram> sections, String sectionHeader,
            Function<? super K, String> sectionLabel, String unit) {
        Objects.requireNonNull(sectionHeader, "sectionHeader");
        Objects.requireNonNull(sectionLabel, "sectionLabel");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<K, ? extends Histogram> section : sections.entrySet()) {
            out.append('\n').append(sectionHeader).append(" = ").append(sectionLabel.apply(section.getKey()))
                    .append('\n');
            appendTo(out, section.getValue(), unit);
        }
        return out.toString();
    }

    private void appendLog2(StringBuilder out, Log2Histogram histogram, String unit) {
        int last = Counts.lastNonZero(histogram);
        if (last < 0) {
            return;
        }
        // Once a bucket's bounds need more than 10 digits, BCC widens both columns and halves the bar.
        boolean wide = last > style.lastNarrowSlot();
        int column = wide ? 20 : 10;
        int barWidth = wide ? BAR_WIDTH / 2 : BAR_WIDTH;
        TextColumns.spaces(out, wide ? 15 : 5);
        TextColumns.left(out, unit, wide ? 29 : 19).append(style.log2CountHeader()).append('\n');
        long max = Counts.max(histogram);
        for (int slot = firstPrinted(histogram); slot <= last; slot++) {
            TextColumns.right(out, Long.toUnsignedString(Log2Histogram.lowerBound(slot)), column).append(" -> ");
            TextColumns.left(out, Long.toUnsignedString(Log2Histogram.upperBound(slot)), column).append(" : ");
            appendCountAndBar(out, histogram.count(slot), max, barWidth);
        }
    }

    private void appendLinear(StringBuilder out, LinearHistogram histogram, String unit) {
        int last = Counts.lastNonZero(histogram);
        if (last < 0) {
            return;
        }
        TextColumns.spaces(out, 5);
        TextColumns.left(out, unit, 13).append(LINEAR_COUNT_HEADER).append('\n');
        long max = Counts.max(histogram);
        for (int i = firstPrinted(histogram); i <= last; i++) {
            if (style.linearSkipsEmptyBuckets() && histogram.count(i) == 0) {
                continue;
            }
            TextColumns.spaces(out, 8);
            TextColumns.left(out, Long.toString(histogram.bucketStart(i)), 10).append(" : ");
            appendCountAndBar(out, histogram.count(i), max, BAR_WIDTH);
        }
    }

    private int firstPrinted(Histogram histogram) {
        if (!stripLeadingZeros) {
            return 0;
        }
        int first = 0;
        while (histogram.count(first) == 0) {
            first++; // stops at the last non-empty bucket at the latest: callers check that one exists
        }
        return first;
    }

    private static void appendCountAndBar(StringBuilder out, long count, long max, int barWidth) {
        TextColumns.left(out, Long.toString(count), 8).append(" |");
        TextColumns.bar(out, count, max, barWidth).append("|\n");
    }
}
