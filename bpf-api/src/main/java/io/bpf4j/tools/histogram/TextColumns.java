package io.bpf4j.tools.histogram;

import java.math.BigInteger;

/** printf-style padding ({@code %10s}, {@code %-10s}) and the star bar, without format strings. */
final class TextColumns {
    private TextColumns() {
    }

    /** Appends {@code text} right-aligned in {@code width} columns (never truncated), like {@code %*s}. */
    static StringBuilder right(StringBuilder out, String text, int width) {
        spaces(out, width - text.length());
        return out.append(text);
    }

    /** Appends {@code text} left-aligned in {@code width} columns (never truncated), like {@code %-*s}. */
    static StringBuilder left(StringBuilder out, String text, int width) {
        out.append(text);
        return spaces(out, width - text.length());
    }

    static StringBuilder spaces(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
        return out;
    }

    /**
     * Appends a bar of {@code floor(width * value / max)} stars padded with spaces to
     * {@code width} columns: the rounding of both BCC's {@code _stars} and libbpf-tools'
     * {@code print_stars}. Computed exactly, where the C version overflows 32 bits past about
     * 10^8 counts.
     */
    static StringBuilder bar(StringBuilder out, long value, long max, int width) {
        int stars = max == 0 ? 0 : (int) Math.min(width, scaled(value, width, max));
        for (int i = 0; i < stars; i++) {
            out.append('*');
        }
        return spaces(out, width - stars);
    }

    private static long scaled(long value, int width, long max) {
        long high = Math.multiplyHigh(value, width);
        if (high == 0 && value * width >= 0) {
            return value * width / max;
        }
        // Only counts above 2^57 get here; value <= max keeps the quotient within width.
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(width)).divide(BigInteger.valueOf(max))
                .longValueExact();
    }
}
