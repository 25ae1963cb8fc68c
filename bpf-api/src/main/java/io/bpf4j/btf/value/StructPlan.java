package io.bpf4j.btf.value;

import java.nio.ByteBuffer;

/**
 * A struct: members at their offsets, word members kept in a {@code long[]}. Encoding follows
 * generated code exactly: the padding before each member (before each bitfield, the bytes it
 * touches too) and after the last is zeroed, so equal values encode to equal bytes, and the bits
 * no bitfield owns are zero.
 */
final class StructPlan extends CompositePlan {
    private static final byte[] ZEROS = new byte[256];

    private WordPlan[] words;
    /** Per word member, its {@link WordPlan} operation, shift and width; -1 for the others. */
    private int[] ops;
    private int[] shifts;
    private int[] widths;
    private boolean hasReferences;
    /** The hole zeroed before member i: [holeFrom[i], holeTo[i]), empty when from >= to. */
    private int[] holeFrom;
    private int[] holeTo;
    private int tailFrom;

    StructPlan(ValueType.Composite type) {
        super(type);
    }

    @Override
    void planned() {
        int count = plans.length;
        words = new WordPlan[count];
        ops = new int[count];
        shifts = new int[count];
        widths = new int[count];
        holeFrom = new int[count];
        holeTo = new int[count];
        int covered = 0;
        for (int i = 0; i < count; i++) {
            if (plans[i] instanceof WordPlan word) {
                words[i] = word;
                ops[i] = word.op;
                shifts[i] = word.shift;
                widths[i] = word.bits;
            } else {
                ops[i] = -1;
                hasReferences = true;
            }
            int size = plans[i].size();
            // A bitfield is written bit by bit into bytes it may share: they are zeroed first.
            holeFrom[i] = covered;
            holeTo[i] = plans[i] instanceof BitFieldPlan ? offsets[i] + size : offsets[i];
            covered = Math.max(covered, offsets[i] + size);
        }
        tailFrom = covered;
    }

    @Override
    BtfValue decode(ByteBuffer buffer, int offset) {
        int count = plans.length;
        long[] values = new long[count];
        BtfValue[] references = hasReferences ? new BtfValue[count] : null;
        for (int i = 0; i < count; i++) {
            int op = ops[i];
            if (op >= 0) {
                values[i] = WordPlan.read(op, buffer, offset + offsets[i], shifts[i], widths[i]);
            } else {
                references[i] = plans[i].decode(buffer, offset + offsets[i]);
            }
        }
        return new StructValue(type(), this, values, references, null);
    }

    @Override
    void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        StructValue struct = check(value, field);
        // A value decoded by this plan holds its words as they are, so they are written without a detour.
        long[] values = struct.plan() == this ? struct.words() : null;
        BtfValue[] references = struct.references();
        for (int i = 0; i < plans.length; i++) {
            zero(buffer, offset + holeFrom[i], holeTo[i] - holeFrom[i]);
            int at = offset + offsets[i];
            BtfValue reference = references == null ? null : references[i];
            if (reference == null && values != null) {
                WordPlan.write(ops[i], values[i], buffer, at, shifts[i], widths[i], messageNames[i]);
            } else {
                plans[i].encode(reference != null ? reference : struct.get(i), buffer, at, messageNames[i]);
            }
        }
        zero(buffer, offset + tailFrom, size() - tailFrom);
    }

    @Override
    BtfValue member(StructValue value, int index) {
        return words[index].value(value.words()[index]);
    }

    private static void zero(ByteBuffer buffer, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (length < 16) {
            for (int i = 0; i < length; i++) {
                buffer.put(offset + i, (byte) 0);
            }
            return;
        }
        for (int done = 0; done < length; done += ZEROS.length) {
            buffer.put(offset + done, ZEROS, 0, Math.min(ZEROS.length, length - done));
        }
    }
}
