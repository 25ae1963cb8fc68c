package io.bpf4j.codec;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * C {@code __int128} and {@code unsigned __int128} as {@link BigInteger}: 16 bytes, the low 64 bits
 * first (little-endian, as on the targets BPF runs on), whatever the buffer's byte order.
 */
public final class Int128 {
    private static final BigInteger LOW_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LOW_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private Int128() {}

    /** Reads the 16 bytes at {@code offset}; {@code signed} for {@code __int128}. */
    public static BigInteger get(ByteBuffer buffer, int offset, boolean signed) {
        BigInteger high = BigInteger.valueOf(longAt(buffer, offset + 8));
        if (!signed) {
            high = high.and(LOW_64);
        }
        return high.shiftLeft(64).or(BigInteger.valueOf(longAt(buffer, offset)).and(LOW_64));
    }

    /**
     * Writes the low 128 bits of {@code value} (higher bits are dropped, as a C conversion does), so
     * both signed and unsigned values in range read back unchanged.
     */
    public static void put(ByteBuffer buffer, int offset, BigInteger value) {
        BigInteger bits = value.and(LOW_128);
        putLongAt(buffer, offset, bits.longValue());
        putLongAt(buffer, offset + 8, bits.shiftRight(64).longValue());
    }

    private static long longAt(ByteBuffer buffer, int offset) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value |= (buffer.get(offset + i) & 0xffL) << (8 * i);
        }
        return value;
    }

    private static void putLongAt(ByteBuffer buffer, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            buffer.put(offset + i, (byte) (value >>> (8 * i)));
        }
    }
}
