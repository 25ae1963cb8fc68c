package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void unsignedBoundsAreInclusive() {
        assertThat(Ranges.u8(255, "f")).isEqualTo(255);
        assertThat(Ranges.u16(65535, "f")).isEqualTo(65535);
        assertThat(Ranges.u32(4294967295L, "f")).isEqualTo(4294967295L);
        assertThat(Ranges.u32(0, "f")).isZero();
    }

    @Test
    void outOfRangeNamesTheFieldTheValueAndTheRange() {
        assertThatThrownBy(() -> Ranges.u32((1L << 32) + 5, "pid_target"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pid_target: 4294967301 is out of range 0 to 4294967295 (u32)");
        assertThatThrownBy(() -> Ranges.u8(-1, "flag")).hasMessage("flag: -1 is out of range 0 to 255 (u8)");
        assertThatThrownBy(() -> Ranges.u16(65536, "port")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> Ranges.s8(128, "c")).hasMessageContaining("-128 to 127");
        assertThatThrownBy(() -> Ranges.s16(-32769, "c")).hasMessageContaining("-32768 to 32767");
        assertThatThrownBy(() -> Ranges.s32(1L << 31, "c")).hasMessageContaining("(s32)");
    }

    @Test
    void bitfieldsCheckTheirWidthAndSign() {
        assertThat(Ranges.bits(7, 3, false, "b")).isEqualTo(7);
        assertThat(Ranges.bits(-4, 3, true, "b")).isEqualTo(-4);
        assertThat(Ranges.bits(-1, 64, false, "b")).isEqualTo(-1);
        assertThatThrownBy(() -> Ranges.bits(8, 3, false, "b"))
                .hasMessage("b: 8 is out of range 0 to 7 (3-bit unsigned bitfield)");
        assertThatThrownBy(() -> Ranges.bits(4, 3, true, "b"))
                .hasMessage("b: 4 is out of range -4 to 3 (3-bit signed bitfield)");
        assertThatThrownBy(() -> Ranges.bits(-1, 3, false, "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void int128sCheckTheirSign() {
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger u128Max = two128.subtract(BigInteger.ONE);
        assertThat(Ranges.int128(u128Max, false, "u")).isEqualTo(u128Max);
        assertThat(Ranges.int128(two127.negate(), true, "s")).isEqualTo(two127.negate());
        assertThatThrownBy(() -> Ranges.int128(two128.add(BigInteger.TEN), false, "u"))
                .hasMessage("u: 340282366920938463463374607431768211466 is out of range 0 to 2^128 - 1 (u128)");
        assertThatThrownBy(() -> Ranges.int128(two127, true, "s"))
                .hasMessageContaining("out of range -2^127 to 2^127 - 1 (s128)");
        assertThatThrownBy(() -> Ranges.int128(BigInteger.ONE.negate(), false, "u"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranges.int128(BigInteger.ONE.shiftLeft(1000), true, "s"))
                .hasMessage("s: a 1001-bit value is out of range -2^127 to 2^127 - 1 (s128)");
    }

    @Test
    void scalarCodecsRefuseValuesTheCTypeCannotHold() {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        assertThatThrownBy(() -> Codecs.UINT32.encode((1L << 32) + 5, buffer, 0))
                .hasMessageContaining("4294967301 is out of range");
        assertThatThrownBy(() -> Codecs.UINT16.encode(70000, buffer, 0)).hasMessageContaining("70000");
        assertThatThrownBy(() -> Codecs.UINT8.encode(256, buffer, 0)).hasMessageContaining("256");
        assertThat(buffer.getLong(0)).as("nothing written").isZero();
        Codecs.UINT32.encode(4294967295L, buffer, 0);
        assertThat(Codecs.UINT32.decode(buffer, 0)).isEqualTo(4294967295L);
    }
}
