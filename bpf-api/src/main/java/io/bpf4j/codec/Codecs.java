package io.bpf4j.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for C scalars and the helpers generated codecs use.
 *
 * <p>Unsigned rules: {@code u8}/{@code u16} are read as {@code int} and {@code u32} as {@code long},
 * so they are never negative; {@code u64} is a {@code long} holding the same 64 bits (use
 * {@link Long#toUnsignedString(long)} and {@link Long#compareUnsigned(long, long)}). Writing a value
 * outside the C type's range is an {@link IllegalArgumentException} (see {@link Ranges}), never a
 * truncation.
 */
public final class Codecs {
    private Codecs() {}

    /** {@code s8}. */
    public static final Codec<Byte> INT8 = scalar(1, (b, o) -> b.get(o), (v, b, o) -> b.put(o, v));
    /** {@code u8}, as an int in 0..255. */
    public static final Codec<Integer> UINT8 =
            scalar(1, (b, o) -> Byte.toUnsignedInt(b.get(o)), (v, b, o) -> b.put(o, (byte) Ranges.u8(v, "u8")));
    /** {@code s16}. */
    public static final Codec<Short> INT16 = scalar(2, (b, o) -> b.getShort(o), (v, b, o) -> b.putShort(o, v));
    /** {@code u16}, as an int in 0..65535. */
    public static final Codec<Integer> UINT16 =
            scalar(2, (b, o) -> Short.toUnsignedInt(b.getShort(o)),
                    (v, b, o) -> b.putShort(o, (short) Ranges.u16(v, "u16")));
    /** {@code s32}. */
    public static final Codec<Integer> INT32 = scalar(4, (b, o) -> b.getInt(o), (v, b, o) -> b.putInt(o, v));
    /** {@code u32}, as a long in 0..2^32-1. */
    public static final Codec<Long> UINT32 =
            scalar(4, (b, o) -> Integer.toUnsignedLong(b.getInt(o)),
                    (v, b, o) -> b.putInt(o, (int) Ranges.u32(v, "u32")));
    /** {@code s64}. */
    public static final Codec<Long> INT64 = scalar(8, (b, o) -> b.getLong(o), (v, b, o) -> b.putLong(o, v));
    /** {@code u64}: the same 64 bits in a long. */
    public static final Codec<Long> UINT64 = INT64;
    /** C {@code bool}: one byte, non-zero is true. */
    public static final Codec<Boolean> BOOL =
            scalar(1, (b, o) -> b.get(o) != 0, (v, b, o) -> b.put(o, (byte) (v ? 1 : 0)));

    /**
     * Zero bytes, always {@code null}: the key of maps without keys (queue, stack, bloom filter),
     * and the record type of ring and perf buffers read raw, through their readers' view path,
     * which hands each record's bytes and length (a codec sees no length).
     */
    public static final Codec<Void> VOID = scalar(0, (b, o) -> null, (v, b, o) -> { });

    /** {@code char[length]} as text: see {@link #getString} and {@link #putString}. */
    public static Codec<String> string(int length) {
        return scalar(length, (b, o) -> getString(b, o, length), (v, b, o) -> putString(b, o, length, v));
    }

    /**
     * Reads {@code char[length]} as UTF-8 text up to its first NUL (or all {@code length} bytes when
     * there is none).
     */
    public static String getString(ByteBuffer buffer, int offset, int length) {
        int end = 0;
        while (end < length && buffer.get(offset + end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        buffer.get(offset, bytes, 0, end);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Writes text into {@code char[length]}: its UTF-8 bytes, all {@code length} of them when the
     * text is that long (C does not require a terminating NUL: {@code char comm[16]} holds 16
     * characters, as {@link #getString} reads them back), the rest NUL-filled. Longer text is cut
     * at the last whole character that fits, so what is written is always valid UTF-8.
     */
    public static void putString(ByteBuffer buffer, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, length);
        if (n < bytes.length) {
            // Step back over continuation bytes (10xxxxxx) to the start of the character that does not fit.
            while (n > 0 && (bytes[n] & 0xc0) == 0x80) {
                n--;
            }
        }
        buffer.put(offset, bytes, 0, n);
        for (int i = n; i < length; i++) {
            buffer.put(offset + i, (byte) 0);
        }
    }

    private interface Reader<T> {
        T read(ByteBuffer buffer, int offset);
    }

    private interface Writer<T> {
        void write(T value, ByteBuffer buffer, int offset);
    }

    private static <T> Codec<T> scalar(int size, Reader<T> reader, Writer<T> writer) {
        return new Codec<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public T decode(ByteBuffer buffer, int offset) {
                return reader.read(buffer, offset);
            }

            @Override
            public void encode(T value, ByteBuffer buffer, int offset) {
                writer.write(value, buffer, offset);
            }
        };
    }
}
