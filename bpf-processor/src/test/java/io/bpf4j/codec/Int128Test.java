package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link Int128} (bpf-api; tested here, beside the generated code that calls it). */
class Int128Test {
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    @Test
    void signedExtremesRoundTrip() {
        ByteBuffer buffer = ByteBuffer.allocate(18);
        for (BigInteger value : new BigInteger[] {BigInteger.ONE.shiftLeft(127).negate(),
                BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.valueOf(-1)}) {
            Int128.put(buffer, 1, value);
            assertThat(Int128.get(buffer, 1, true)).isEqualTo(value);
        }
    }

    @Test
    void unsignedValuesUseAll128Bits() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        Int128.put(buffer, 0, TWO_128.subtract(BigInteger.ONE));
        assertThat(Int128.get(buffer, 0, false)).isEqualTo(TWO_128.subtract(BigInteger.ONE));
        assertThat(Int128.get(buffer, 0, true)).isEqualTo(BigInteger.valueOf(-1));
    }

    @Test
    void lowBitsComeFirstWhateverTheBufferOrder() {
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        Int128.put(buffer, 0, BigInteger.ONE.shiftLeft(64).add(BigInteger.TWO));
        assertThat(HexFormat.of().formatHex(buffer.array())).isEqualTo("0200000000000000" + "0100000000000000");
    }

    @Test
    void writesKeepTheLow128Bits() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        Int128.put(buffer, 0, TWO_128.add(BigInteger.TEN));
        assertThat(Int128.get(buffer, 0, false)).isEqualTo(BigInteger.TEN);
    }
}
