package io.bpf4j.btf.value;

import io.bpf4j.codec.Ranges;
import java.nio.ByteBuffer;

/**
 * Integers up to 64 bits, pointers, {@code bool} and floating-point numbers, read and written as
 * generated code does (unsigned kinds widen; narrowing writes are checked by {@link Ranges}).
 * Floating-point numbers are kept as their raw bits.
 */
final class ScalarPlan extends WordPlan {
    private final ScalarKind kind;

    ScalarPlan(ValueType type, ScalarKind kind) {
        super(type);
        this.kind = kind;
    }

    ScalarKind kind() {
        return kind;
    }

    @Override
    long read(ByteBuffer buffer, int offset) {
        return read(kind, buffer, offset);
    }

    static long read(ScalarKind kind, ByteBuffer buffer, int offset) {
        return switch (kind) {
            case S8 -> buffer.get(offset);
            case U8 -> buffer.get(offset) & 0xffL;
            case S16 -> buffer.getShort(offset);
            case U16 -> buffer.getShort(offset) & 0xffffL;
            case S32, F32 -> buffer.getInt(offset);
            case U32 -> buffer.getInt(offset) & 0xffff_ffffL;
            case BOOL -> buffer.get(offset) != 0 ? 1 : 0;
            default -> buffer.getLong(offset);
        };
    }

    @Override
    void write(long word, ByteBuffer buffer, int offset, String field) {
        write(kind, word, buffer, offset, field);
    }

    static void write(ScalarKind kind, long word, ByteBuffer buffer, int offset, String field) {
        switch (kind) {
            case S8 -> buffer.put(offset, (byte) Ranges.s8(word, field));
            case U8 -> buffer.put(offset, (byte) Ranges.u8(word, field));
            case S16 -> buffer.putShort(offset, (short) Ranges.s16(word, field));
            case U16 -> buffer.putShort(offset, (short) Ranges.u16(word, field));
            case S32 -> buffer.putInt(offset, (int) Ranges.s32(word, field));
            case U32 -> buffer.putInt(offset, (int) Ranges.u32(word, field));
            case F32 -> buffer.putInt(offset, (int) word);
            case BOOL -> buffer.put(offset, (byte) (word != 0 ? 1 : 0));
            default -> buffer.putLong(offset, word);
        }
    }

    @Override
    BtfValue value(long word) {
        return switch (kind) {
            case BOOL -> BoolValue.of(word != 0);
            case F32 -> FloatValue.of(Float.intBitsToFloat((int) word));
            case F64 -> FloatValue.of(Double.longBitsToDouble(word));
            default -> IntegerValue.of(kind, word);
        };
    }

    @Override
    long word(BtfValue value, String field) {
        return switch (kind) {
            case BOOL -> {
                if (!(value instanceof BoolValue bool)) {
                    throw wrongValue(field, "a BoolValue", value);
                }
                yield bool.booleanValue() ? 1 : 0;
            }
            case F32, F64 -> {
                if (!(value instanceof FloatValue floating)) {
                    throw wrongValue(field, "a FloatValue", value);
                }
                yield kind == ScalarKind.F32
                        ? Float.floatToRawIntBits(floating.floatValue())
                        : Double.doubleToRawLongBits(floating.doubleValue());
            }
            default -> integerWord(value, field);
        };
    }

    /**
     * The 64 bits of an integer or enum value, as generated code takes a {@code long}; whether
     * they fit the C type is checked by {@link #write}.
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
