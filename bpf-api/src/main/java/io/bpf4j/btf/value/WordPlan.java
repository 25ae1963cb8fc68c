package io.bpf4j.btf.value;

import io.bpf4j.codec.BitFields;
import io.bpf4j.codec.Ranges;
import java.nio.ByteBuffer;

/**
 * A plan for a value that fits in a {@code long} word (integers up to 64 bits, enums, bitfields,
 * {@code bool}, floating-point bits): structs and arrays keep such members as words, so decoding
 * them allocates nothing. The reads and writes themselves are one static switch over an
 * operation code, so that the loops over a struct's members compile to straight code instead of
 * a call per member to one of several plan classes.
 */
abstract class WordPlan extends Plan {
    static final int S8 = 0;
    static final int U8 = 1;
    static final int S16 = 2;
    static final int U16 = 3;
    static final int S32 = 4;
    static final int U32 = 5;
    /** 64 bits, also {@code u64}, pointers and {@code double} bits. */
    static final int LONG = 6;
    static final int BOOL = 7;
    /** {@code float} bits: an int, not range-checked. */
    static final int FLOAT = 8;
    static final int BITS_SIGNED = 9;
    static final int BITS_UNSIGNED = 10;
    static final int BITS_BOOL = 11;

    final int op;
    final int shift;
    final int bits;

    WordPlan(ValueType type, int op, int shift, int bits) {
        super(type);
        this.op = op;
        this.shift = shift;
        this.bits = bits;
    }

    /** The operation reading and writing a scalar of {@code kind} (at most 64 bits). */
    static int op(ScalarKind kind) {
        return switch (kind) {
            case S8 -> S8;
            case U8 -> U8;
            case S16 -> S16;
            case U16 -> U16;
            case S32 -> S32;
            case U32 -> U32;
            case BOOL -> BOOL;
            case F32 -> FLOAT;
            default -> LONG;
        };
    }

    /** The word at {@code offset}, read by {@code op}. */
    static long read(int op, ByteBuffer buffer, int offset, int shift, int bits) {
        return switch (op) {
            case S8 -> buffer.get(offset);
            case U8 -> buffer.get(offset) & 0xffL;
            case S16 -> buffer.getShort(offset);
            case U16 -> buffer.getShort(offset) & 0xffffL;
            case S32, FLOAT -> buffer.getInt(offset);
            case U32 -> buffer.getInt(offset) & 0xffff_ffffL;
            case BOOL -> buffer.get(offset) != 0 ? 1 : 0;
            case LONG -> buffer.getLong(offset);
            default -> readBits(op, buffer, offset, shift, bits);
        };
    }

    // Bitfields apart: the common cases stay small enough for the JIT to inline into a struct's loop.
    private static long readBits(int op, ByteBuffer buffer, int offset, int shift, int bits) {
        return switch (op) {
            case BITS_SIGNED -> BitFields.getSigned(buffer, offset, shift, bits);
            case BITS_UNSIGNED -> BitFields.getUnsigned(buffer, offset, shift, bits);
            default -> BitFields.getUnsigned(buffer, offset, shift, bits) != 0 ? 1 : 0;
        };
    }

    /** Writes {@code word} at {@code offset} by {@code op}, after the range check of its C type. */
    static void write(int op, long word, ByteBuffer buffer, int offset, int shift, int bits, String field) {
        switch (op) {
            case S8 -> buffer.put(offset, (byte) Ranges.s8(word, field));
            case U8 -> buffer.put(offset, (byte) Ranges.u8(word, field));
            case S16 -> buffer.putShort(offset, (short) Ranges.s16(word, field));
            case U16 -> buffer.putShort(offset, (short) Ranges.u16(word, field));
            case S32 -> buffer.putInt(offset, (int) Ranges.s32(word, field));
            case U32 -> buffer.putInt(offset, (int) Ranges.u32(word, field));
            case FLOAT -> buffer.putInt(offset, (int) word);
            case BOOL -> buffer.put(offset, (byte) (word != 0 ? 1 : 0));
            case LONG -> buffer.putLong(offset, word);
            default -> writeBits(op, word, buffer, offset, shift, bits, field);
        }
    }

    private static void writeBits(int op, long word, ByteBuffer buffer, int offset, int shift, int bits,
            String field) {
        long value = switch (op) {
            case BITS_SIGNED -> Ranges.bits(word, bits, true, field);
            case BITS_UNSIGNED -> Ranges.bits(word, bits, false, field);
            default -> word != 0 ? 1 : 0;
        };
        BitFields.put(buffer, offset, shift, bits, value);
    }

    /** The word at {@code offset}. */
    final long read(ByteBuffer buffer, int offset) {
        return read(op, buffer, offset, shift, bits);
    }

    /** Writes {@code word}, range-checked, at {@code offset}. */
    final void write(long word, ByteBuffer buffer, int offset, String field) {
        write(op, word, buffer, offset, shift, bits, field);
    }

    /** The value a word holds. */
    abstract BtfValue value(long word);

    /** The word of {@code value}, which must be of a kind this plan writes. */
    abstract long word(BtfValue value, String field);

    @Override
    final BtfValue decode(ByteBuffer buffer, int offset) {
        return value(read(buffer, offset));
    }

    @Override
    final void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        write(word(value, field), buffer, offset, field);
    }

    /**
     * The 64 bits of an integer or enum value, as generated code takes a {@code long}; whether
     * they fit the C type is checked when they are written.
     */
    static long integerWord(BtfValue value, String field) {
        if (value instanceof IntegerValue integer) {
            if (integer.kind().isWide() && integer.bigIntegerValue().bitLength() > 64) {
                throw new IllegalArgumentException(field + ": " + integer + " does not fit in 64 bits");
            }
            return integer.longValue();
        } else if (value instanceof EnumValue enumValue) {
            return enumValue.raw();
        }
        throw wrongValue(field, "an IntegerValue", value);
    }
}
