package io.bpf4j.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * Explicit padding inside a C struct: unnamed bitfields that move the compiler's position from
 * one bit offset to a later one. Unnamed bitfields do not change a struct's alignment, so they
 * can recreate any gap BTF shows (an {@code __aligned} member, a zero-width bitfield, a packed
 * neighbour) without disturbing the rest of the layout.
 */
final class CPadding {
    /** The integer types pieces are made of, smallest first, with their width in bits. */
    private static final String[] TYPES = {"char", "short", "int", "long"};
    private static final int[] BITS = {8, 16, 32, 64};
    private static final int WIDEST = 64;

    private CPadding() {
    }

    /** One unnamed bitfield, written as {@code type: bits;}. */
    record Piece(String type, int bits) {
        /** The C declaration, without the semicolon. */
        String declaration() {
            return type + ": " + bits;
        }
    }

    /**
     * The unnamed bitfields that fill the bits {@code [from, to)}. A bitfield never straddles a
     * unit of its own type, so each piece ends at the next 64-bit boundary at the latest, and is
     * declared with the smallest type whose unit holds it (so a gap of four aligned bytes reads
     * {@code int: 32}, not {@code long: 32}).
     */
    static List<Piece> between(long from, long to) {
        List<Piece> pieces = new ArrayList<>();
        long at = from;
        while (at < to) {
            long end = Math.min(to, (at / WIDEST + 1) * WIDEST);
            int width = (int) (end - at);
            pieces.add(new Piece(smallestHolding(at, width), width));
            at = end;
        }
        return pieces;
    }

    private static String smallestHolding(long at, int width) {
        for (int i = 0; i < TYPES.length; i++) {
            if (at / BITS[i] == (at + width - 1) / BITS[i]) {
                return TYPES[i];
            }
        }
        throw new IllegalStateException("a piece of " + width + " bits at bit " + at + " crosses a 64-bit unit");
    }
}
