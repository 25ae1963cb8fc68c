package io.bpf4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

/** The ring and perf buffer sizes both backends accept, checked before anything is mapped. */
class BufferSizesTest {
    @Test
    void ringsUpToOneGibAreRead() {
        assertThat(RingBufferMemory.checkedSize("events", 4096)).isEqualTo(4096);
        assertThat(RingBufferMemory.checkedSize("events", 1L << 30)).isEqualTo(1 << 30);
    }

    @Test
    void largerRingsAreRefusedNamingTheMapTheSizeAndTheLimit() {
        assertThatThrownBy(() -> RingBufferMemory.checkedSize("huge", 1L << 31))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("mapping ring buffer 'huge' failed: ring buffers larger than 1073741824 bytes (1 GiB):"
                        + " this one has 2147483648 bytes; its records could not be addressed in one Java buffer");
    }

    @Test
    void sizesTheKernelNeverCreatesAreArgumentErrors() {
        assertThatThrownBy(() -> RingBufferMemory.checkedSize("odd", 3 * 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mapping ring buffer 'odd': its size 12288 is not a power of two");
        assertThatThrownBy(() -> RingBufferMemory.checkedSize("none", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingBufferMemory.checkedSize("neg", Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDataAreaIsTheDoubleMappingOrAsMuchOfItAsABufferHolds() {
        assertThat(RingBufferMemory.dataCapacity(4096)).isEqualTo(8192);
        assertThat(RingBufferMemory.dataCapacity(1 << 29)).isEqualTo(1 << 30);
        // 2^31 does not fit; a record ends at most 8 bytes before the end of the double mapping.
        assertThat(RingBufferMemory.dataCapacity(1 << 30)).isEqualTo(Integer.MAX_VALUE)
                .isGreaterThanOrEqualTo(2 * (1 << 30) - 8);
    }

    @Test
    void perfRingsArePowersOfTwoPagesUpToOneGib() {
        assertThat(PerfBufferMemory.checkedPagesPerCpu("samples", 64, 4096)).isEqualTo(64);
        assertThat(PerfBufferMemory.checkedPagesPerCpu("samples", 1 << 18, 4096)).isEqualTo(1 << 18);
        assertThatThrownBy(() -> PerfBufferMemory.checkedPagesPerCpu("samples", 1 << 19, 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perf buffer 'samples': 524288 pages per CPU of 4096 bytes are 2147483648 bytes per CPU,"
                        + " more than the 1073741824 (1 GiB) a reader addresses: at most 262144 pages");
        assertThatThrownBy(() -> PerfBufferMemory.checkedPagesPerCpu("samples", 3, 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perf buffer 'samples': 3 pages per CPU is not a power of two");
        assertThatThrownBy(() -> PerfBufferMemory.checkedPagesPerCpu("samples", Integer.MIN_VALUE, 4096))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
