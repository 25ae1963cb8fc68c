package io.bpf4j.btf.value;

import java.nio.ByteBuffer;

/** An array: elements one after the other; word elements kept in a {@code long[]}. */
final class ArrayPlan extends Plan {
    private final ValueType.Array type;
    private final Plan element;
    private final WordPlan word;
    private final int stride;

    ArrayPlan(ValueType.Array type, Plan element) {
        super(type);
        this.type = type;
        this.element = element;
        this.word = element instanceof WordPlan wordPlan ? wordPlan : null;
        this.stride = element.size();
    }

    @Override
    ValueType.Array type() {
        return type;
    }

    WordPlan word() {
        return word;
    }

    @Override
    BtfValue decode(ByteBuffer buffer, int offset) {
        int length = type.length();
        if (word != null) {
            long[] words = new long[length];
            int op = word.op;
            for (int i = 0; i < length; i++) {
                words[i] = WordPlan.read(op, buffer, offset + i * stride, word.shift, word.bits);
            }
            return new ArrayValue(type, this, words, null);
        }
        BtfValue[] elements = new BtfValue[length];
        for (int i = 0; i < length; i++) {
            elements[i] = element.decode(buffer, offset + i * stride);
        }
        return new ArrayValue(type, this, null, elements);
    }

    @Override
    void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        if (!(value instanceof ArrayValue array)) {
            throw wrongValue(field, "an ArrayValue", value);
        }
        int length = type.length();
        if (array.length() != length) {
            throw new IllegalArgumentException(field + " must have " + length + " elements, not " + array.length());
        }
        long[] words = array.plan() == this ? array.words() : null;
        for (int i = 0; i < length; i++) {
            if (words != null) {
                word.write(words[i], buffer, offset + i * stride, field);
            } else {
                element.encode(array.get(i), buffer, offset + i * stride, field);
            }
        }
    }
}
