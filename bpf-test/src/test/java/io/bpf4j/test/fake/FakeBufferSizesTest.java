package io.bpf4j.test.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

/**
 * The sizes the fake's rings accept are the real kernel's and the real backend's: any power of two
 * up to 2 GiB loads, rings above 1 GiB are refused when used, and nothing is allocated at load.
 */
class FakeBufferSizesTest {
    @Test
    void aRingOfTwoGibLoadsWithoutAllocatingAndIsRefusedWhenUsed() {
        FakeRingBuffer ring = new FakeRingBuffer("huge", 1L << 31);

        assertThat(ring.size()).isEqualTo(1L << 31);
        assertThat(ring.pendingBytes()).isZero();
        assertThatThrownBy(() -> ring.push(new byte[8])).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("ring buffers larger than 1073741824 bytes (1 GiB): this one has 2147483648");
    }

    @Test
    void sizesTheKernelRefusesAreRefusedAtLoad() {
        assertThatThrownBy(() -> new FakeRingBuffer("odd", 3 * 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ring buffer 'odd' size 12288 is not a power of two up to 2147483648, as the kernel"
                        + " requires");
        assertThatThrownBy(() -> new FakeRingBuffer("wide", 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallRingIsAllocatedOnFirstUseAndReadAsBefore() {
        FakeRingBuffer ring = new FakeRingBuffer("ring", 4096);
        assertThat(ring.push(Codecs.INT64, 7L)).isTrue();

        assertThat(ring.dataArea().capacity()).isEqualTo(8192);
        assertThat(ring.pendingBytes()).isEqualTo(16);
    }

    @Test
    void perfRingsBeyondWhatAReaderAddressesAreRefusedBeforeOpening() {
        FakeKernel kernel = new FakeKernel();
        try (FakeObject object = Fixture.load(kernel)) {
            assertThatThrownBy(() -> object.perfBuffer("perf", 1 << 19)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("524288 pages per CPU of 4096 bytes are 2147483648 bytes per CPU");
            assertThatThrownBy(() -> object.perfBuffer("perf", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("perf buffer 'perf': 0 pages per CPU is not a power of two");
        }
        kernel.assertNoLeaks();
    }

    @Test
    void aPerfSampleLargerThanARecordHoldsIsRefused() {
        FakeKernel kernel = new FakeKernel();
        try (FakeObject object = Fixture.load(kernel);
                var reader = Backends.perfBufferReader("perf", object.perfBuffer("perf", 32), Codecs.INT64,
                        LostHandler.IGNORE)) {
            FakePerfBuffer perf = object.perf("perf");
            assertThat(perf.output(0, new byte[65516])).isTrue(); // 8 + 4 + 65516 = 65528 bytes, 8-aligned
            assertThat(reader.drainViews((data, offset, length) -> assertThat(length).isEqualTo(65516))).isEqualTo(1);
            // 65529 bytes padded to 65536: one more than perf_event_header.size holds.
            assertThatThrownBy(() -> perf.output(0, new byte[65517])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("perf buffer 'perf': a sample of 65517 bytes makes a record larger than 65535 bytes"
                            + " (perf_event_header.size)");
            assertThatThrownBy(() -> perf.lose(0, -1)).isInstanceOf(IllegalArgumentException.class);
        }
        kernel.assertNoLeaks();
    }

    @Test
    void theFakesRingReaderReadsThroughTheSharedRules() {
        FakeKernel kernel = new FakeKernel();
        try (FakeObject object = Fixture.load(kernel);
                RingBufferReader<Long> reader = Backends.ringBufferReader("ring", object.ringBuffer("ring"),
                        Codecs.INT64)) {
            object.ring("ring").push(Codecs.INT64, 9L);
            java.util.List<Long> seen = new java.util.ArrayList<>();
            assertThat(reader.drain(seen::add)).isEqualTo(1);
            assertThat(seen).containsExactly(9L);
        }
        kernel.assertNoLeaks();
    }
}
