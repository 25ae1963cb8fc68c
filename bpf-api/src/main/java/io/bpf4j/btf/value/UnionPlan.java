package io.bpf4j.btf.value;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A union: held as its bytes, written back as they are, each member decoded from them when it
 * is asked for. Which member is meaningful is the C program's business; the union never guesses.
 */
final class UnionPlan extends CompositePlan {
    UnionPlan(ValueType.Composite type) {
        super(type);
    }

    @Override
    void planned() {
        // Nothing beyond the member plans: the bytes are the value.
    }

    @Override
    BtfValue decode(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[size()];
        buffer.get(offset, bytes);
        return new StructValue(type(), this, null, null, bytes);
    }

    @Override
    void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        StructValue union = check(value, field);
        buffer.put(offset, union.unionBytes());
    }

    @Override
    BtfValue member(StructValue value, int index) {
        return plans[index].decode(ByteBuffer.wrap(value.unionBytes()).order(ByteOrder.nativeOrder()), offsets[index]);
    }

    /** The bytes of a union holding {@code value} as member {@code index}, the others zero. */
    byte[] bytesOf(int index, BtfValue value) {
        ByteBuffer buffer = ByteBuffer.allocate(size()).order(ByteOrder.nativeOrder());
        plans[index].encode(value, buffer, offsets[index], messageNames[index]);
        return buffer.array();
    }
}
