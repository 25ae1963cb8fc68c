package io.bpf4j.test.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.codec.Codecs;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake ring has the kernel's layout: bpf-api's RingBufferReader reads it. */
class FakeRingBufferTest {
    private final FakeKernel kernel = new FakeKernel();
    private FakeObject object;
    private FakeRingBuffer ring;
    private RingBufferReader<Long> reader;

    @BeforeEach
    void load() {
        object = Fixture.load(kernel);
        ring = object.ring("ring");
        reader = Backends.ringBufferReader("ring", object.ringBuffer("ring"), Codecs.INT64);
    }

    @AfterEach
    void close() {
        reader.close();
        object.close();
        kernel.assertNoLeaks();
    }

    @Test
    void theReaderDeliversPushedRecordsInOrderAndSkipsDiscardedOnes() {
        ring.push(Codecs.INT64, 1L);
        ring.pushDiscarded(new byte[8]);
        ring.push(Codecs.INT64, 2L);
        List<Long> seen = new ArrayList<>();

        assertThat(reader.drain(seen::add)).isEqualTo(2);

        assertThat(seen).containsExactly(1L, 2L);
        assertThat(ring.pendingBytes()).isZero();
    }

    @Test
    void recordsThatWrapAroundTheEndAreContiguousThroughTheMirroredDataArea() {
        // 4096-byte ring, 1000-byte records (1008 with header): the 5th record wraps.
        byte[] record = new byte[1000];
        List<Byte> firstBytes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            java.util.Arrays.fill(record, (byte) i);
            assertThat(ring.push(record)).isTrue();
            reader.drainViews((data, offset, length) -> {
                assertThat(length).isEqualTo(1000);
                assertThat(data.get(offset + length - 1)).isEqualTo(data.get(offset));
                firstBytes.add(data.get(offset));
            });
        }
        assertThat(firstBytes).hasSize(12).containsSequence((byte) 3, (byte) 4, (byte) 5);
    }

    @Test
    void aFullRingDropsAndCountsWhatDoesNotFit() {
        byte[] record = new byte[56]; // 64 bytes with its header: 63 fit, the kernel keeps one byte free
        int accepted = 0;
        for (int i = 0; i < 66; i++) {
            accepted += ring.push(record) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(63);
        assertThat(ring.dropped()).isEqualTo(3);
        assertThat(reader.drainViews((data, offset, length) -> { })).isEqualTo(63);
        assertThat(ring.push(record)).isTrue(); // consumed space is free again
    }

    @Test
    void awaitingWakesWhenARecordIsPushed() throws Exception {
        List<Long> seen = new ArrayList<>();
        CompletableFuture<Integer> polled = CompletableFuture.supplyAsync(() -> reader.poll(Duration.ofSeconds(30), seen::add));
        ring.push(Codecs.INT64, 7L);
        assertThat(polled.get()).isEqualTo(1);
        assertThat(seen).containsExactly(7L);
    }
}
