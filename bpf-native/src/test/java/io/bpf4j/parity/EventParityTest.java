package io.bpf4j.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import io.bpf4j.Kernel;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.test.BackendTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Ring-buffer and perf-buffer behaviour seen through bpf-api's readers, on the fake and on the real
 * kernel: record order, capacity and drops, wake-ups, the perf record framing and padding.
 */
class EventParityTest {
    @BackendTest
    void ringRecordsArriveInOrder(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel);
                RingBufferReader<Long> reader = fixture.object().ringBuffer("events", Codecs.INT64).reader()) {
            fixture.produceRecords(3);
            List<Long> seen = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();

            reader.drainViews((data, offset, length) -> {
                lengths.add(length);
                seen.add(data.getLong(offset));
            });

            assertThat(seen).containsExactly(0L, 1L, 2L);
            assertThat(lengths).containsOnly(ParityFixture.RECORD_SIZE);
        }
    }

    @BackendTest
    void aFullRingKeepsOneByteFreeAndDropsTheRest(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel);
                RingBufferReader<Long> reader = fixture.object().ringBuffer("events", Codecs.INT64).reader()) {
            fixture.produceRecords(66); // 64 bytes each in a 4096-byte ring

            int delivered = reader.drainViews((data, offset, length) -> { });

            assertThat(delivered).isEqualTo(63);
            assertThat(fixture.counter("drops")).isEqualTo(3);
            fixture.produceRecords(1);
            List<Long> after = new ArrayList<>();
            reader.drain(after::add);
            assertThat(after).containsExactly(63L);
        }
    }

    @BackendTest
    @Timeout(30)
    void aWaitingReaderWakesWhenARecordIsProduced(Kernel kernel) throws Exception {
        try (ParityFixture fixture = ParityFixture.load(kernel);
                RingBufferReader<Long> reader = fixture.object().ringBuffer("events", Codecs.INT64).reader()) {
            List<Long> seen = new ArrayList<>();
            CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> reader.poll(Duration.ofSeconds(10), seen::add));
            fixture.produceRecords(1);
            assertThat(polled.get()).isEqualTo(1);
            assertThat(seen).containsExactly(0L);
        }
    }

    @BackendTest
    void perfSamplesCarryTheirPaddingInTheRawSize(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel);
                PerfBufferReader<Long> reader = fixture.object().perfBuffer("samples", Codecs.INT64).reader(1,
                        LostHandler.IGNORE)) {
            assertThat(reader.cpuCount()).isEqualTo(kernel.possibleCpus());
            fixture.produceSamples(3);
            List<Long> seen = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();

            reader.drainViews((data, offset, length) -> {
                lengths.add(length);
                seen.add(data.getLong(offset));
            });

            assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L);
            assertThat(lengths).as("8 bytes + 4 of padding, so the record is 8-byte aligned").containsOnly(12);
            assertThat(reader.lostSamples()).isZero();
        }
    }

    @BackendTest
    void aFullPerfRingLosesSamplesAndReportsThemBeforeTheNextOne(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel);
                PerfBufferReader<Long> reader = fixture.object().perfBuffer("samples", Codecs.INT64).reader(1,
                        LostHandler.IGNORE)) {
            fixture.produceSamples(200); // 24-byte records in a 4096-byte ring: 170 fit, one byte stays free
            List<Long> seen = new ArrayList<>();

            assertThat(reader.drain(seen::add)).isEqualTo(170);
            assertThat(reader.lostSamples()).as("reported only with the next sample").isZero();
            fixture.produceSamples(1);
            assertThat(reader.drain(seen::add)).isEqualTo(1);

            assertThat(reader.lostSamples(0)).isEqualTo(30);
            assertThat(seen).startsWith(0L, 1L).endsWith(169L, 200L);
        }
    }

    @BackendTest
    void perfRingsAReaderCannotAddressAreRefusedBeforeAnythingIsOpened(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            // 2^19 pages of 4 KiB (or more): at least 2 GiB per CPU, more than one ByteBuffer holds.
            assertThatThrownBy(() -> fixture.object().perfBuffer("samples", Codecs.INT64).reader(1 << 19,
                    LostHandler.IGNORE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("perf buffer 'samples': 524288 pages per CPU of ")
                    .hasMessageContaining("more than the 1073741824 (1 GiB) a reader addresses");
            assertThatThrownBy(() -> fixture.object().perfBuffer("samples", Codecs.INT64).reader(3, LostHandler.IGNORE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("perf buffer 'samples': 3 pages per CPU is not a power of two");
            try (PerfBufferReader<Long> reader =
                    fixture.object().perfBuffer("samples", Codecs.INT64).reader(1, LostHandler.IGNORE)) {
                fixture.produceSamples(1);
                assertThat(reader.drain(value -> { })).as("the map is still usable").isEqualTo(1);
            }
        }
    }
}
