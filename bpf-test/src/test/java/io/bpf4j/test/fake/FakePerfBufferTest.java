package io.bpf4j.test.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.codec.Codecs;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.spi.Backends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake perf buffer has the kernel's layout: bpf-api's PerfBufferReader reads it, per CPU. */
class FakePerfBufferTest {
    private final FakeKernel kernel = new FakeKernel(2);
    private FakeObject object;

    @BeforeEach
    void load() {
        object = Fixture.load(kernel);
    }

    @AfterEach
    void close() {
        object.close();
        kernel.assertNoLeaks();
    }

    @Test
    void samplesFromEveryCpuAndInjectedLossesReachTheReader() {
        FakePerfBuffer perf = object.perf("perf");
        assertThat(perf.output(0, Codecs.INT32, 1)).as("no buffer open yet").isFalse();
        List<long[]> lost = new ArrayList<>();
        try (PerfBufferReader<Integer> reader = Backends.perfBufferReader("perf", object.perfBuffer("perf", 1),
                Codecs.INT32,
                (cpu, count) -> lost.add(new long[] {cpu, count}))) {
            perf.output(0, Codecs.INT32, 10);
            perf.output(1, Codecs.INT32, 11);
            perf.lose(1, 5);
            List<Integer> seen = new ArrayList<>();

            assertThat(reader.drain(seen::add)).isEqualTo(2);

            assertThat(seen).containsExactlyInAnyOrder(10, 11);
            assertThat(reader.lostSamples(1)).isEqualTo(5);
            assertThat(lost).singleElement().satisfies(l -> assertThat(l).containsExactly(1, 5));
        }
    }

    @Test
    void aFullCpuRingLosesSamplesAndReportsThemBeforeTheNextOne() {
        FakePerfBuffer perf = object.perf("perf");
        try (PerfBufferReader<Long> reader = Backends.perfBufferReader("perf", object.perfBuffer("perf", 1),
                Codecs.INT64, LostHandler.IGNORE)) {
            byte[] sample = new byte[1012]; // 1024 bytes with header and size: 3 fit, one byte stays free
            int accepted = 0;
            for (int i = 0; i < 6; i++) {
                accepted += perf.output(0, sample) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(3);
            List<Integer> lengths = new ArrayList<>();
            reader.drainViews((data, offset, length) -> lengths.add(length));
            perf.output(0, Codecs.INT64, 3L);
            reader.drainViews((data, offset, length) -> lengths.add(length));

            assertThat(lengths).containsExactly(1012, 1012, 1012, 12); // 8 bytes + 4 padding, as the kernel pads
            assertThat(reader.lostSamples(0)).isEqualTo(3);
        }
    }
}
