package io.bpf4j.btf.value;

import io.bpf4j.codec.Ranges;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 128-bit integer: 16 bytes, the low 64 bits first whatever the buffer's byte order (as
 * {@link io.bpf4j.codec.Int128} lays it out), range-checked by {@link Ranges#int128} on write.
 */
final class WidePlan extends Plan {
    private final ScalarKind kind;

    WidePlan(ValueType type, ScalarKind kind) {
        super(type);
        this.kind = kind;
    }

    @Override
    BtfValue decode(ByteBuffer buffer, int offset) {
        return IntegerValue.wide(kind, littleEndian(buffer, offset), littleEndian(buffer, offset + 8));
    }

    @Override
    void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        if (!(value instanceof IntegerValue integer)) {
            throw wrongValue(field, "an IntegerValue", value);
        }
        long low = integer.longValue();
        long high = integer.high();
        if (integer.kind() != kind) {
            // Another kind: its exact value must fit this one.
            Ranges.int128(integer.bigIntegerValue(), kind.signed(), field);
        }
        putLittleEndian(buffer, offset, low);
        putLittleEndian(buffer, offset + 8, high);
    }

    private static long littleEndian(ByteBuffer buffer, int offset) {
        long value = buffer.getLong(offset);
        return buffer.order() == ByteOrder.LITTLE_ENDIAN ? value : Long.reverseBytes(value);
    }

    private static void putLittleEndian(ByteBuffer buffer, int offset, long value) {
        buffer.putLong(offset, buffer.order() == ByteOrder.LITTLE_ENDIAN ? value : Long.reverseBytes(value));
    }
}
