package io.bpf4j.btf.value;

import java.nio.ByteBuffer;

/** An enum, read and written as the integer of its kind, named through a sorted table. */
final class EnumPlan extends WordPlan {
    private final ValueType.Enumerated type;
    private final ScalarKind kind;
    private final EnumNames names;

    EnumPlan(ValueType.Enumerated type) {
        super(type);
        this.type = type;
        this.kind = type.kind();
        this.names = new EnumNames(type);
    }

    @Override
    long read(ByteBuffer buffer, int offset) {
        return ScalarPlan.read(kind, buffer, offset);
    }

    @Override
    void write(long word, ByteBuffer buffer, int offset, String field) {
        ScalarPlan.write(kind, word, buffer, offset, field);
    }

    @Override
    BtfValue value(long word) {
        return new EnumValue(type, word, names);
    }

    @Override
    long word(BtfValue value, String field) {
        return ScalarPlan.integerWord(value, field);
    }
}
