package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class Int128Test {
    private static final BigInteger TWO_127 = BigInteger.ONE.shiftLeft(127);
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    private final ByteBuffer buffer = ByteBuffer.allocate(16);

    @Test
    void signedAndUnsignedExtremesReadBack() {
        Int128.put(buffer, 0, TWO_128.subtract(BigInteger.ONE));
        assertThat(Int128.get(buffer, 0, false)).isEqualTo(TWO_128.subtract(BigInteger.ONE));
        Int128.put(buffer, 0, TWO_127.negate());
        assertThat(Int128.get(buffer, 0, true)).isEqualTo(TWO_127.negate());
    }

    @Test
    void valuesNeitherTypeHoldsAreRefusedNotCut() {
        buffer.putLong(0, 7).putLong(8, 7);

        assertThatThrownBy(() -> Int128.put(buffer, 0, TWO_128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("int128: 340282366920938463463374607431768211456 is out of range -2^127 to 2^128 - 1"
                        + " (s128 or u128)");
        assertThatThrownBy(() -> Int128.put(buffer, 0, TWO_127.negate().subtract(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Int128.put(buffer, 0, BigInteger.ONE.shiftLeft(1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("int128: a 1001-bit value");
        assertThat(buffer.getLong(0)).as("nothing written").isEqualTo(7);
    }
}
