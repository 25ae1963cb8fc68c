package io.bpf4j.btf.value;

import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;

/**
 * {@code char[N]}: decoded to the bytes before the first NUL; encoded as
 * {@link Codecs#putString} writes text (an ASCII text is copied as it is, which is the same).
 */
final class TextPlan extends Plan {
    private static final byte[] NO_BYTES = new byte[0];

    private final int length;

    TextPlan(ValueType.Text type) {
        super(type);
        this.length = type.length();
    }

    @Override
    BtfValue decode(ByteBuffer buffer, int offset) {
        int end = 0;
        while (end < length && buffer.get(offset + end) != 0) {
            end++;
        }
        if (end == 0) {
            return TextValue.owning(NO_BYTES);
        }
        byte[] bytes = new byte[end];
        buffer.get(offset, bytes, 0, end);
        return TextValue.owning(bytes);
    }

    @Override
    void encode(BtfValue value, ByteBuffer buffer, int offset, String field) {
        if (!(value instanceof TextValue text)) {
            throw wrongValue(field, "a TextValue", value);
        }
        if (!text.ascii()) {
            // Through the String, as generated code writes it: malformed UTF-8 becomes U+FFFD.
            Codecs.putString(buffer, offset, length, text.text());
            return;
        }
        byte[] bytes = text.rawBytes();
        int n = Math.min(bytes.length, length);
        buffer.put(offset, bytes, 0, n);
        for (int i = n; i < length; i++) {
            buffer.put(offset + i, (byte) 0);
        }
    }
}
