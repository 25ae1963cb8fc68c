package io.bpf4j.codec;

import java.math.BigInteger;

/**
 * Range checks for every narrowing from a Java value to a C integer: a value that does not fit is
 * an {@link IllegalArgumentException} naming the field, the value and the range, never a silent
 * truncation (writing {@code 2^32 + 5} into a {@code __u32} must not write 5).
 *
 * <p>Generated codecs, views and data-section setters call these before they write; so do the
 * scalar {@link Codecs}. Each returns its argument, so a check can wrap the value it guards.
 */
public final class Ranges {
    private static final long U32_MAX = 0xffff_ffffL;

    private Ranges() {}

    /** {@code value} when it fits a {@code u8} (0 to 255). */
    public static int u8(int value, String field) {
        if ((value & ~0xff) != 0) {
            throw outOfRange(field, Integer.toString(value), "0 to 255 (u8)");
        }
        return value;
    }

    /** {@code value} when it fits a {@code u16} (0 to 65535). */
    public static int u16(int value, String field) {
        if ((value & ~0xffff) != 0) {
            throw outOfRange(field, Integer.toString(value), "0 to 65535 (u16)");
        }
        return value;
    }

    /** {@code value} when it fits a {@code u32} (0 to 4294967295). */
    public static long u32(long value, String field) {
        if ((value & ~U32_MAX) != 0) {
            throw outOfRange(field, Long.toString(value), "0 to 4294967295 (u32)");
        }
        return value;
    }

    /** {@code value} when it fits an {@code s8} (-128 to 127). */
    public static int s8(int value, String field) {
        if (value != (byte) value) {
            throw outOfRange(field, Integer.toString(value), "-128 to 127 (s8)");
        }
        return value;
    }

    /** {@code value} when it fits an {@code s16} (-32768 to 32767). */
    public static int s16(int value, String field) {
        if (value != (short) value) {
            throw outOfRange(field, Integer.toString(value), "-32768 to 32767 (s16)");
        }
        return value;
    }

    /** {@code value} when it fits a {@code u8} (0 to 255): for callers holding a {@code long}. */
    public static long u8(long value, String field) {
        if ((value & ~0xffL) != 0) {
            throw outOfRange(field, Long.toString(value), "0 to 255 (u8)");
        }
        return value;
    }

    /** {@code value} when it fits a {@code u16} (0 to 65535): for callers holding a {@code long}. */
    public static long u16(long value, String field) {
        if ((value & ~0xffffL) != 0) {
            throw outOfRange(field, Long.toString(value), "0 to 65535 (u16)");
        }
        return value;
    }

    /** {@code value} when it fits an {@code s8} (-128 to 127): for callers holding a {@code long}. */
    public static long s8(long value, String field) {
        if (value != (byte) value) {
            throw outOfRange(field, Long.toString(value), "-128 to 127 (s8)");
        }
        return value;
    }

    /** {@code value} when it fits an {@code s16} (-32768 to 32767): for callers holding a {@code long}. */
    public static long s16(long value, String field) {
        if (value != (short) value) {
            throw outOfRange(field, Long.toString(value), "-32768 to 32767 (s16)");
        }
        return value;
    }

    /** {@code value} when it fits an {@code s32}. */
    public static long s32(long value, String field) {
        if (value != (int) value) {
            throw outOfRange(field, Long.toString(value), "-2147483648 to 2147483647 (s32)");
        }
        return value;
    }

    /**
     * {@code value} when it fits a C integer of {@code size} bytes (1, 2, 4 or 8) and the given
     * signedness: the check for code that learns the type at run time (a variable read from BTF).
     * An 8-byte integer takes any {@code long}: a {@code u64} is its 64 bits.
     *
     * @throws IllegalArgumentException when it does not fit, or {@code size} is none of those
     */
    public static long integer(long value, int size, boolean signed, String field) {
        switch (size) {
            case 1, 2 -> {
                if (value != (int) value) {
                    throw outOfRange(field, Long.toString(value), signed ? (size == 1 ? "-128 to 127 (s8)"
                            : "-32768 to 32767 (s16)") : (size == 1 ? "0 to 255 (u8)" : "0 to 65535 (u16)"));
                }
                int narrow = (int) value;
                return size == 1 ? (signed ? s8(narrow, field) : u8(narrow, field))
                        : (signed ? s16(narrow, field) : u16(narrow, field));
            }
            case 4 -> {
                return signed ? s32(value, field) : u32(value, field);
            }
            case 8 -> {
                return value;
            }
            default -> throw new IllegalArgumentException(field + ": a C integer has 1, 2, 4 or 8 bytes, not " + size);
        }
    }

    /**
     * {@code value} when it fits a bitfield of {@code bits} bits (1 to 64): 0 to 2^bits - 1 when
     * unsigned, -2^(bits-1) to 2^(bits-1) - 1 when signed. A 64-bit field takes any {@code long}.
     */
    public static long bits(long value, int bits, boolean signed, String field) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException(field + ": a bitfield has 1 to 64 bits, not " + bits);
        }
        if (bits == 64) {
            return value;
        }
        boolean fits = signed
                ? value >= -(1L << (bits - 1)) && value < (1L << (bits - 1))
                : (value >>> bits) == 0;
        if (!fits) {
            String range = signed
                    ? -(1L << (bits - 1)) + " to " + ((1L << (bits - 1)) - 1)
                    : "0 to " + ((1L << bits) - 1);
            throw outOfRange(field, Long.toString(value), range + " (" + bits + "-bit "
                    + (signed ? "signed" : "unsigned") + " bitfield)");
        }
        return value;
    }

    /**
     * {@code value} when it fits a 128-bit integer: {@code __int128} (-2^127 to 2^127 - 1) when
     * {@code signed}, else {@code unsigned __int128} (0 to 2^128 - 1). {@link Int128#put} keeps the
     * low 128 bits, as a C conversion does; this is the check that comes first.
     */
    public static BigInteger int128(BigInteger value, boolean signed, String field) {
        boolean fits = signed ? value.bitLength() <= 127 : value.signum() >= 0 && value.bitLength() <= 128;
        if (!fits) {
            // A huge value is named by its size: its digits could fill a terminal.
            String shown = value.bitLength() <= 256 ? value.toString() : "a " + value.bitLength() + "-bit value";
            throw outOfRange(field, shown, signed ? "-2^127 to 2^127 - 1 (s128)" : "0 to 2^128 - 1 (u128)");
        }
        return value;
    }

    private static IllegalArgumentException outOfRange(String field, String value, String range) {
        return new IllegalArgumentException(field + ": " + value + " is out of range " + range);
    }
}
