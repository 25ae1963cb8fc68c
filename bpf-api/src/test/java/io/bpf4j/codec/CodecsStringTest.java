package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code char[N]} as text: all N bytes are usable (C needs no terminating NUL), shorter text is NUL-padded. */
class CodecsStringTest {
    @Test
    void textOfExactlyNBytesFillsTheArrayWithoutANul() {
        ByteBuffer buffer = filled(6);

        Codecs.putString(buffer, 1, 4, "abcd");

        assertThat(hex(buffer)).isEqualTo("ff61626364ff");
        assertThat(Codecs.getString(buffer, 1, 4)).isEqualTo("abcd");
        assertThat(Codecs.string(4).decode(buffer, 1)).isEqualTo("abcd");
    }

    @Test
    void shorterTextIsNulPadded() {
        ByteBuffer buffer = filled(4);

        Codecs.putString(buffer, 0, 4, "ab");

        assertThat(hex(buffer)).isEqualTo("61620000");
        assertThat(Codecs.getString(buffer, 0, 4)).isEqualTo("ab");
    }

    @Test
    void longerTextIsCutAtTheLastWholeCharacterThatFits() {
        ByteBuffer buffer = filled(4);
        Codecs.putString(buffer, 0, 4, "abcdef");
        assertThat(Codecs.getString(buffer, 0, 4)).isEqualTo("abcd");

        // "日本" is 6 bytes of UTF-8: only 日 fits in 4, and the fourth byte is padding, not half a character.
        Codecs.putString(buffer, 0, 4, "日本");
        assertThat(hex(buffer)).isEqualTo("e697a500");
        assertThat(Codecs.getString(buffer, 0, 4)).isEqualTo("日");

        Codecs.string(2).encode("aé", buffer, 0);
        assertThat(Codecs.getString(buffer, 0, 2)).isEqualTo("a");
    }

    private static ByteBuffer filled(int size) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put(i, (byte) 0xff);
        }
        return buffer;
    }

    private static String hex(ByteBuffer buffer) {
        return HexFormat.of().formatHex(buffer.array());
    }
}
