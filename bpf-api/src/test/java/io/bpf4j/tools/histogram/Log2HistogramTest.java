package io.bpf4j.tools.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Log2HistogramTest {
    @Test
    void slotsFollowLibbpfToolsLog2l() {
        assertThat(Log2Histogram.slotOf(0)).isZero();
        assertThat(Log2Histogram.slotOf(1)).isZero();
        assertThat(Log2Histogram.slotOf(2)).isEqualTo(1);
        assertThat(Log2Histogram.slotOf(3)).isEqualTo(1);
        assertThat(Log2Histogram.slotOf(1023)).isEqualTo(9);
        assertThat(Log2Histogram.slotOf(1024)).isEqualTo(10);
        assertThat(Log2Histogram.slotOf(-1L)).isEqualTo(63); // 2^64 - 1, unsigned
    }

    @Test
    void boundsAreThoseBccPrints() {
        assertThat(Log2Histogram.lowerBound(0)).isZero();
        assertThat(Log2Histogram.upperBound(0)).isEqualTo(1);
        assertThat(Log2Histogram.lowerBound(4)).isEqualTo(16);
        assertThat(Log2Histogram.upperBound(4)).isEqualTo(31);
        assertThat(Long.toUnsignedString(Log2Histogram.upperBound(63))).isEqualTo("18446744073709551615");
        assertThatThrownBy(() -> Log2Histogram.lowerBound(64)).hasMessage("slot 64 is outside 0..63");
    }

    @Test
    void theBuilderCountsValuesAndSlotAdditions() {
        Log2Histogram histogram = Log2Histogram.builder().record(0).record(1).record(5).add(2, 3).build();
        assertThat(histogram).isEqualTo(Log2Histogram.of(2, 0, 4));
        assertThat(histogram.total()).isEqualTo(6);
        assertThat(Log2Histogram.builder().build().isEmpty()).isTrue();
    }

    @Test
    void u32SlotsAreReadUnsigned() {
        assertThat(Log2Histogram.ofUnsigned(-1, 2).count(0)).isEqualTo(4_294_967_295L);
    }

    @Test
    void rejectsNegativeCountsAndTooManySlots() {
        assertThatThrownBy(() -> Log2Histogram.of(1, -2)).hasMessage("bucket 1 has a negative count: -2");
        assertThatThrownBy(() -> Log2Histogram.of(new long[65]))
                .hasMessage("a log2 histogram has at most 64 slots, got 65");
        assertThatThrownBy(() -> LinearHistogram.withRange(0, 0, 1)).hasMessage("step must be positive, got 0");
    }
}
