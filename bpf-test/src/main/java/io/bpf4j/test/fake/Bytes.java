package io.bpf4j.test.fake;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value equality: the fake's map keys and values. */
final class Bytes {
    static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code length} bytes from index 0 of {@code buffer} (absolute reads; the position is untouched). */
    static Bytes copyOf(ByteBuffer buffer, int length) {
        byte[] copy = new byte[length];
        buffer.get(0, copy);
        return new Bytes(copy);
    }

    /** Wraps a copy of {@code bytes}. */
    static Bytes of(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /** A zero-filled string of {@code length} bytes. */
    static Bytes zeros(int length) {
        return new Bytes(new byte[length]);
    }

    int length() {
        return bytes.length;
    }

    byte at(int index) {
        return bytes[index];
    }

    /** Writes these bytes to index 0 of {@code buffer}. */
    void copyTo(ByteBuffer buffer) {
        buffer.put(0, bytes);
    }

    byte[] toArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
