package io.bpf4j.btf.value;

/** An enum, read and written as the integer of its kind, named through a sorted table. */
final class EnumPlan extends WordPlan {
    private final ValueType.Enumerated type;
    private final EnumNames names;

    EnumPlan(ValueType.Enumerated type) {
        super(type, op(type.kind()), 0, 0);
        this.type = type;
        this.names = new EnumNames(type);
    }

    @Override
    BtfValue value(long word) {
        return new EnumValue(type, word, names);
    }

    @Override
    long word(BtfValue value, String field) {
        return integerWord(value, field);
    }
}
