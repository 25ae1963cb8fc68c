package io.bpf4j.codec;

import java.nio.ByteBuffer;

/**
 * Raw access to C {@code char[N]} members, for code that must not allocate a {@code String} per
 * read (generated views call it).
 */
public final class CharArrays {
    private CharArrays() {}

    /**
     * Copies the {@code length} bytes of {@code char[length]} at {@code offset} into {@code dst}
     * (as many as fit), NUL and what follows it included.
     *
     * @return the length of the text: the bytes copied before the first NUL
     */
    public static int copy(ByteBuffer buffer, int offset, int length, byte[] dst) {
        int n = Math.min(length, dst.length);
        buffer.get(offset, dst, 0, n);
        int text = 0;
        while (text < n && dst[text] != 0) {
            text++;
        }
        return text;
    }
}
