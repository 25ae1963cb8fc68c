package io.bpf4j.btf.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A C {@code char[N]} as text: the bytes before its first NUL (all N when it has none, as C
 * allows), which {@link #text()} reads as UTF-8. The raw bytes are there for a caller that
 * escapes them itself ({@code io.bpf4j.text.Printable.escapeUtf8}); nothing here escapes.
 * Encoding writes the text as {@code io.bpf4j.codec.Codecs.putString} does: its UTF-8 bytes, all
 * N of them when it is that long, the rest NUL; longer text is cut at a whole character.
 */
public final class TextValue implements BtfValue {
    private final byte[] bytes;
    private String text;

    private TextValue(byte[] bytes, String text) {
        this.bytes = bytes;
        this.text = text;
    }

    /**
     * The text {@code text}: its UTF-8 bytes (a NUL in it ends it as C reads it back, but is
     * written as it is, as generated code writes a {@code String}).
     */
    public static TextValue of(String text) {
        Objects.requireNonNull(text, "text");
        return new TextValue(text.getBytes(StandardCharsets.UTF_8), text);
    }

    /**
     * The text of raw {@code bytes}: those before the first NUL, all of them when there is none
     * (copied).
     */
    public static TextValue ofBytes(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new TextValue(Arrays.copyOf(bytes, end), null);
    }

    /** A text whose bytes (none of them NUL) this value takes over. */
    static TextValue owning(byte[] bytes) {
        return new TextValue(bytes, null);
    }

    /** The number of bytes of the text: for decoded text, those before the first NUL. */
    public int length() {
        return bytes.length;
    }

    /** A copy of the text's bytes: for decoded text, those before the first NUL. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Byte {@code index} of the text, 0 to {@link #length()} - 1. */
    public byte byteAt(int index) {
        Objects.checkIndex(index, bytes.length);
        return bytes[index];
    }

    /** The bytes themselves, for the codec, which never changes them. */
    byte[] rawBytes() {
        return bytes;
    }

    /** The text, decoded as UTF-8 (a malformed sequence is U+FFFD). */
    public String text() {
        String decoded = text;
        if (decoded == null) {
            // Racing threads decode the same string; the field only caches it.
            decoded = new String(bytes, StandardCharsets.UTF_8);
            text = decoded;
        }
        return decoded;
    }

    /** Whether every byte is ASCII, so the bytes are exactly the UTF-8 of {@link #text()}. */
    boolean ascii() {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@link #text()}. */
    @Override
    public Object javaValue() {
        return text();
    }

    /** Texts are equal when their bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextValue that && Arrays.equals(that.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
