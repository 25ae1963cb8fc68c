package io.bpf4j.codec;

import java.nio.ByteBuffer;

/**
 * Reads and writes C bitfields, the helpers generated codecs and views call.
 *
 * <p>A bitfield is located by the byte {@code offset} of its first bit, the {@code shift} of that
 * bit inside the byte (0 to 7) and its width {@code bits} (1 to 64). Bits are numbered as on the
 * little-endian targets BPF runs on: bit 0 is the least significant bit of the lowest byte, so the
 * field's bytes are assembled little-endian whatever the buffer's byte order. A field may span up
 * to nine bytes (64 bits starting at a shift of 7). Nothing is allocated.
 */
public final class BitFields {
    private BitFields() {}

    /** The field's bits, zero-extended: for unsigned C types. */
    public static long getUnsigned(ByteBuffer buffer, int offset, int shift, int bits) {
        check(shift, bits);
        int bytes = (shift + bits + 7) >>> 3;
        long raw = 0;
        for (int i = 0; i < Math.min(bytes, Long.BYTES); i++) {
            raw |= (buffer.get(offset + i) & 0xffL) << (8 * i);
        }
        long value = raw >>> shift;
        if (bytes > Long.BYTES) {
            // The ninth byte holds the top `shift` bits of a 64-bit field.
            value |= (buffer.get(offset + Long.BYTES) & 0xffL) << (64 - shift);
        }
        return value & mask(bits);
    }

    /** The field's bits, sign-extended from its top bit: for signed C types. */
    public static long getSigned(ByteBuffer buffer, int offset, int shift, int bits) {
        long value = getUnsigned(buffer, offset, shift, bits);
        int unused = 64 - bits;
        return (value << unused) >> unused;
    }

    /**
     * Writes the low {@code bits} bits of {@code value} (higher bits are dropped, as a C assignment
     * to a bitfield does), leaving every other bit of the bytes touched unchanged.
     */
    public static void put(ByteBuffer buffer, int offset, int shift, int bits, long value) {
        check(shift, bits);
        long field = value & mask(bits);
        int bytes = (shift + bits + 7) >>> 3;
        for (int i = 0; i < bytes; i++) {
            // Bit range of the field that byte i holds, relative to the byte.
            int firstBit = 8 * i;
            long byteMask = (mask(bits) << shift >>> firstBit) & 0xff;
            long byteBits = (field << shift >>> firstBit) & 0xff;
            if (i == Long.BYTES) {
                byteMask = (mask(bits) >>> (64 - shift)) & 0xff;
                byteBits = (field >>> (64 - shift)) & 0xff;
            }
            int old = buffer.get(offset + i) & 0xff;
            buffer.put(offset + i, (byte) ((old & ~byteMask) | byteBits));
        }
    }

    private static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static void check(int shift, int bits) {
        if (shift < 0 || shift > 7 || bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bitfield of " + bits + " bits at bit shift " + shift
                    + ": the shift must be 0 to 7 and the width 1 to 64");
        }
    }
}
