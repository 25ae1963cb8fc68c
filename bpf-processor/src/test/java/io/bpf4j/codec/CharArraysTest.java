package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link CharArrays} (bpf-api; tested here, beside the generated views that call it). */
class CharArraysTest {
    @Test
    void copiesTheRawBytesAndReturnsTheTextLength() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {'x', 'a', 'b', 0, 'z', 'q'});
        byte[] dst = new byte[8];

        assertThat(CharArrays.copy(buffer, 1, 4, dst)).isEqualTo(2);
        assertThat(new String(dst, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ab\0z");
    }

    @Test
    void copiesOnlyWhatFits() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {'a', 'b', 'c', 0});
        byte[] dst = new byte[2];

        assertThat(CharArrays.copy(buffer, 0, 4, dst)).isEqualTo(2);
        assertThat(dst).containsExactly('a', 'b');
    }
}
