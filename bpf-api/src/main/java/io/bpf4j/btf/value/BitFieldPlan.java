package io.bpf4j.btf.value;

import io.bpf4j.codec.BitFields;
import io.bpf4j.codec.Ranges;
import java.nio.ByteBuffer;

/**
 * A bitfield, read with {@link BitFields} (sign-extended when its declared type is signed) and
 * written after {@link Ranges#bits}; a {@code bool} bitfield is 1 or 0.
 */
final class BitFieldPlan extends WordPlan {
    private final ValueType.BitField type;
    private final EnumNames names;

    BitFieldPlan(ValueType.BitField type) {
        super(type);
        this.type = type;
        this.names = type.enumType() == null ? null : new EnumNames(type.enumType());
    }

    @Override
    long read(ByteBuffer buffer, int offset) {
        if (type.kind() == ScalarKind.BOOL) {
            return BitFields.getUnsigned(buffer, offset, type.shift(), type.bits()) != 0 ? 1 : 0;
        }
        return type.signed()
                ? BitFields.getSigned(buffer, offset, type.shift(), type.bits())
                : BitFields.getUnsigned(buffer, offset, type.shift(), type.bits());
    }

    @Override
    void write(long word, ByteBuffer buffer, int offset, String field) {
        long bits = type.kind() == ScalarKind.BOOL
                ? (word != 0 ? 1 : 0)
                : Ranges.bits(word, type.bits(), type.signed(), field);
        BitFields.put(buffer, offset, type.shift(), type.bits(), bits);
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
        return ScalarPlan.integerWord(value, field);
    }
}
