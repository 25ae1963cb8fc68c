package io.bpf4j.btf.value;

/**
 * A bitfield, read with {@link io.bpf4j.codec.BitFields} (sign-extended when its declared type is
 * signed) and written after {@link io.bpf4j.codec.Ranges#bits}; a {@code bool} bitfield is 1 or 0.
 */
final class BitFieldPlan extends WordPlan {
    private final ValueType.BitField type;
    private final EnumNames names;

    BitFieldPlan(ValueType.BitField type) {
        super(type, type.kind() == ScalarKind.BOOL ? BITS_BOOL : type.signed() ? BITS_SIGNED : BITS_UNSIGNED,
                type.shift(), type.bits());
        this.type = type;
        this.names = type.enumType() == null ? null : new EnumNames(type.enumType());
    }

    @Override
    BtfValue value(long word) {
        if (type.kind() == ScalarKind.BOOL) {
            return BoolValue.of(word != 0);
        } else if (names != null) {
            return new EnumValue(type.enumType(), word, names);
        }
        return IntegerValue.of(type.kind(), word);
    }

    @Override
    long word(BtfValue value, String field) {
        if (type.kind() == ScalarKind.BOOL) {
            if (!(value instanceof BoolValue bool)) {
                throw wrongValue(field, "a BoolValue", value);
            }
            return bool.booleanValue() ? 1 : 0;
        }
        return integerWord(value, field);
    }
}
