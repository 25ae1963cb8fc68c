package io.bpf4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BitFields} (bpf-api; tested here, beside the generated code that calls it): every shift
 * and width, fields spanning up to nine bytes, sign extension, and neighbours left untouched.
 */
class BitFieldsTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7})
    void everyWidthRoundTripsAtEveryShiftWithoutTouchingItsNeighbours(int shift) {
        for (int bits = 1; bits <= 64; bits++) {
            ByteBuffer buffer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 12; i++) {
                buffer.put(i, (byte) 0xa5);
            }
            long max = bits == 64 ? -1L : (1L << bits) - 1;
            BitFields.put(buffer, 1, shift, bits, max);
            assertThat(BitFields.getUnsigned(buffer, 1, shift, bits)).as("%d bits at %d", bits, shift).isEqualTo(max);
            assertThat(BitFields.getSigned(buffer, 1, shift, bits)).as("%d bits at %d", bits, shift).isEqualTo(-1L);
            BitFields.put(buffer, 1, shift, bits, 0);
            assertThat(BitFields.getUnsigned(buffer, 1, shift, bits)).isZero();
            // Every bit outside the field still holds the 0xa5 pattern.
            for (int bit = 0; bit < 96; bit++) {
                boolean inField = bit >= 8 + shift && bit < 8 + shift + bits;
                boolean set = (buffer.get(bit / 8) >> (bit % 8) & 1) != 0;
                if (!inField) {
                    assertThat(set).as("bit %d beside %d bits at %d", bit, bits, shift)
                            .isEqualTo((0xa5 >> (bit % 8) & 1) != 0);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 15, 15", "5, 16, -16", "5, 31, -1", "3, 4, -4", "23, -1234567, -1234567", "1, 1, -1"})
    void signedFieldsAreSignExtended(int bits, long written, long read) {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        BitFields.put(buffer, 0, 3, bits, written);
        assertThat(BitFields.getSigned(buffer, 0, 3, bits)).isEqualTo(read);
    }

    @Test
    void bitsAreNumberedLittleEndianWhateverTheBufferOrder() {
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
        BitFields.put(buffer, 0, 4, 12, 0xabc);
        assertThat(HexFormat.of().formatHex(buffer.array())).isEqualTo("c0ab0000");
    }

    @Test
    void writesKeepOnlyTheLowBits() {
        ByteBuffer buffer = ByteBuffer.allocate(2);
        BitFields.put(buffer, 0, 2, 3, 0b11101);
        assertThat(BitFields.getUnsigned(buffer, 0, 2, 3)).isEqualTo(0b101);
        assertThat(buffer.get(0)).isEqualTo((byte) 0b10100);
    }

    @Test
    void rejectsImpossibleFields() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> BitFields.getUnsigned(buffer, 0, 8, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bitfield of 1 bits at bit shift 8: the shift must be 0 to 7 and the width 1 to 64");
        assertThatThrownBy(() -> BitFields.put(buffer, 0, 0, 65, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bitfield of 65 bits");
    }
}
