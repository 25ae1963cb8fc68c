package io.bpf4j.btf.value;

/**
 * Integers up to 64 bits, pointers, {@code bool} and floating-point numbers, read and written as
 * generated code does (unsigned kinds widen; narrowing writes are checked by
 * {@link io.bpf4j.codec.Ranges}). Floating-point numbers are kept as their raw bits.
 */
final class ScalarPlan extends WordPlan {
    private final ScalarKind kind;

    ScalarPlan(ValueType type, ScalarKind kind) {
        super(type, op(kind), 0, 0);
        this.kind = kind;
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
}
