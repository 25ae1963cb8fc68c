package io.bpf4j.btf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes small BTF blobs by hand, so tests (of other packages too) can describe exactly the
 * (malformed) types they need.
 */
public final class BtfBlob {
    private final ByteArrayOutputStream types = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();

    public BtfBlob() {
        strings.write(0); // offset 0 is the empty name
    }

    /** Adds {@code name} to the string section and returns its offset. */
    public int string(String name) {
        int offset = strings.size();
        strings.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        strings.write(0);
        return offset;
    }

    /** Appends a type record: the common fields followed by {@code data} words. */
    public BtfBlob type(int nameOffset, BtfKind kind, int vlen, boolean kindFlag, int sizeOrType, int... data) {
        return raw(nameOffset, kind.id(), vlen, kindFlag, sizeOrType, data);
    }

    /** Appends a type record with an arbitrary kind number. */
    BtfBlob raw(int nameOffset, int kind, int vlen, boolean kindFlag, int sizeOrType, int... data) {
        word(nameOffset);
        word((kindFlag ? 1 << 31 : 0) | kind << 24 | vlen);
        word(sizeOrType);
        for (int value : data) {
            word(value);
        }
        return this;
    }

    /** Appends a named 4-byte signed int. */
    public BtfBlob int32(String name) {
        return type(string(name), BtfKind.INT, 0, false, 4, 1 << 24 | 32);
    }

    /** Appends a typedef. */
    public BtfBlob typedef(String name, int target) {
        return type(string(name), BtfKind.TYPEDEF, 0, false, target);
    }

    /** Appends raw bytes to the type section. */
    BtfBlob bytes(int... values) {
        for (int value : values) {
            types.write(value);
        }
        return this;
    }

    /** The blob: a 24-byte header, the types, then the strings. */
    public ByteBuffer build() {
        byte[] typeBytes = types.toByteArray();
        byte[] stringBytes = strings.toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(24 + typeBytes.length + stringBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24)
                .putInt(0).putInt(typeBytes.length)
                .putInt(typeBytes.length).putInt(stringBytes.length)
                .put(typeBytes).put(stringBytes);
        return blob.flip();
    }

    private void word(int value) {
        types.write(value);
        types.write(value >>> 8);
        types.write(value >>> 16);
        types.write(value >>> 24);
    }
}
