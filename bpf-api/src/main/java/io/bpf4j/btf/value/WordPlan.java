package io.bpf4j.btf.value;

import java.nio.ByteBuffer;

/**
 * A plan for a value that fits in a {@code long} word (integers up to 64 bits, enums, bitfields,
 * {@code bool}, floating-point bits): structs and arrays keep such members as words, so decoding
 * them allocates nothing.
 */
abstract class WordPlan extends Plan {
    WordPlan(ValueType type) {
        super(type);
    }

    /** The word at {@code offset}. */
    abstract long read(ByteBuffer buffer, int offset);

    /** Writes {@code word}, range-checked, at {@code offset}. */
    abstract void write(long word, ByteBuffer buffer, int offset, String field);

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
}
