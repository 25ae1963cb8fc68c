package io.bpf4j.btf.value;

import io.bpf4j.codec.Ranges;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A C integer or pointer, with its kind: its width and signedness. Up to 64 bits it is held in
 * a {@code long} as {@link ScalarKind} says (an unsigned {@code u32} from 0 to 4294967295, a
 * {@code u64} as its 64 bits); 128-bit integers in two.
 */
public final class IntegerValue implements BtfValue {
    private static final BigInteger LOW_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ScalarKind kind;
    private final long low;
    private final long high;

    private IntegerValue(ScalarKind kind, long low, long high) {
        this.kind = kind;
        this.low = low;
        this.high = high;
    }

    /**
     * An integer of {@code kind}, at most 64 bits wide, holding {@code value} as {@link
     * ScalarKind} says ({@code u64}: the 64 bits). Whether it fits the kind is checked when it is
     * encoded, as generated code checks.
     *
     * @throws IllegalArgumentException when {@code kind} is not an integer of at most 64 bits
     */
    public static IntegerValue of(ScalarKind kind, long value) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isInteger() || kind.isWide()) {
            throw new IllegalArgumentException("kind must be an integer of at most 64 bits, not " + kind);
        }
        return new IntegerValue(kind, value, value >> 63);
    }

    /**
     * An integer of any integer {@code kind} holding {@code value}. For 64 bits or fewer it keeps
     * the low 64 bits (a {@code u64} above {@link Long#MAX_VALUE} as its bits), and whether they
     * fit the kind is checked when it is encoded; a 128-bit kind holds exactly its range.
     *
     * @throws IllegalArgumentException when {@code kind} is not an integer, or is a 128-bit kind
     *     {@code value} does not fit
     */
    public static IntegerValue of(ScalarKind kind, BigInteger value) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!kind.isInteger()) {
            throw new IllegalArgumentException("kind must be an integer, not " + kind);
        }
        if (!kind.isWide()) {
            return of(kind, value.longValue());
        }
        Ranges.int128(value, kind.signed(), "an IntegerValue of " + kind);
        return new IntegerValue(kind, value.longValue(), value.shiftRight(64).longValue());
    }

    /** A 128-bit integer from its two 64-bit halves, as the bytes hold them. */
    static IntegerValue wide(ScalarKind kind, long low, long high) {
        return new IntegerValue(kind, low, high);
    }

    /** Its kind: width and signedness. */
    public ScalarKind kind() {
        return kind;
    }

    /** Whether the C type is unsigned (pointers are). */
    public boolean unsigned() {
        return !kind.signed();
    }

    /**
     * The value in a {@code long}, as {@link ScalarKind} holds it: for a {@code u64} or pointer
     * the 64 bits (see {@link Long#toUnsignedString(long)}); for a 128-bit integer its low 64 bits.
     */
    public long longValue() {
        return low;
    }

    /** The high 64 bits of a 128-bit integer (for narrower ones, the sign of {@link #longValue()}). */
    long high() {
        return high;
    }

    /** The exact value: unsigned kinds are never negative. */
    public BigInteger bigIntegerValue() {
        if (kind.isWide()) {
            BigInteger highPart = BigInteger.valueOf(high);
            if (!kind.signed()) {
                highPart = highPart.and(LOW_64);
            }
            return highPart.shiftLeft(64).or(BigInteger.valueOf(low).and(LOW_64));
        }
        if (!kind.signed() && low < 0) {
            return BigInteger.valueOf(low).and(LOW_64);
        }
        return BigInteger.valueOf(low);
    }

    /**
     * {@code Byte}, {@code Short}, {@code Integer}, {@code Long} or {@code BigInteger}, as
     * {@link ScalarKind#javaType()} says.
     */
    @Override
    public Object javaValue() {
        return box(kind, low, this);
    }

    /** The Java value of an integer of {@code kind} held in {@code bits} (see {@link #javaValue()}). */
    static Object box(ScalarKind kind, long bits, IntegerValue wide) {
        return switch (kind) {
            case S8 -> (byte) bits;
            case S16 -> (short) bits;
            case U8, U16, S32 -> (int) bits;
            case S128, U128 -> wide.bigIntegerValue();
            default -> bits;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegerValue that && that.kind == kind && that.low == low && that.high == high;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Long.hashCode(low) * 17 + Long.hashCode(high);
    }

    /** The exact value in decimal ({@code u64} unsigned). */
    @Override
    public String toString() {
        if (kind.isWide()) {
            return bigIntegerValue().toString();
        }
        return kind.signed() ? Long.toString(low) : Long.toUnsignedString(low);
    }
}
