package io.bpf4j.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bpf4j.codec.Codecs;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.HandlerException;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventPollerTest {
    private final InMemoryChannels.Ring ring = new InMemoryChannels.Ring(256);
    private final InMemoryChannels.PerfBuffer perf = new InMemoryChannels.PerfBuffer(2, 256);
    private final RingBufferReader<Integer> ringReader = Backends.ringBufferReader("ring", ring, Codecs.INT32);
    private final PerfBufferReader<Integer> perfReader =
            Backends.perfBufferReader("perf", perf, Codecs.INT32, LostHandler.IGNORE);
    private final List<String> seen = new ArrayList<>();

    private EventPoller typedPoller() {
        return EventPoller.builder()
                .ring(ringReader, v -> seen.add("ring " + v))
                .perf(perfReader, v -> seen.add("perf " + v))
                .drainInterval(Duration.ofMillis(10))
                .build();
    }

    @Test
    void onePollDrainsRingsAndEveryCpuOfPerfBuffers() {
        ring.append(1);
        perf.sample(0, 2);
        perf.sample(1, 3);
        ring.append(4);
        try (EventPoller poller = typedPoller()) {
            assertThat(poller.poll(Duration.ofSeconds(5))).isEqualTo(4);
        }
        assertThat(seen).containsExactly("ring 1", "ring 4", "perf 2", "perf 3");
        assertThat(ring.consumed()).isEqualTo(32);
        assertThat(perf.consumedAll(0)).isTrue();
        assertThat(perf.consumedAll(1)).isTrue();
        assertThat(ring.waits).isEmpty();
        assertThat(perf.waits).isEmpty();
    }

    @Test
    void theViewPathDeliversRecordsInPlace() {
        ring.append(5);
        perf.sample(1, 6);
        List<Integer> lengths = new ArrayList<>();
        try (EventPoller poller = EventPoller.builder()
                .ringViews(ringReader, (data, offset, length) -> {
                    seen.add("ring " + data.getInt(offset));
                    lengths.add(length);
                })
                .perfViews(perfReader, (data, offset, length) -> {
                    seen.add("perf " + data.getInt(offset));
                    lengths.add(length);
                })
                .build()) {
            assertThat(poller.drain()).isEqualTo(2);
        }
        assertThat(seen).containsExactly("ring 5", "perf 6");
        assertThat(lengths).containsExactly(4, 4);
    }

    @Test
    void aZeroTimeoutPollOfEmptyChannelsReturnsWithoutWaiting() {
        try (EventPoller poller = typedPoller()) {
            assertThat(poller.poll(Duration.ZERO)).isZero();
        }
        assertThat(ring.waits).isEmpty();
        assertThat(perf.waits).isEmpty();
    }

    @Test
    void samplesWrittenWhileThePollerWaitsArriveWithinTheDrainInterval() {
        // Neither producer signals: the sample is found by the timed drain.
        perf.onAwait = () -> {
            if (seen.isEmpty() && perf.consumedAll(1)) {
                perf.sample(1, 42);
            }
        };
        try (EventPoller poller = typedPoller()) {
            assertThat(poller.poll(Duration.ofMinutes(10))).isEqualTo(1);
        }
        assertThat(seen).containsExactly("perf 42");
        // Each wait was bounded by the drain interval, not by the poll's ten minutes.
        assertThat(perf.waits).isNotEmpty().allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(10));
    }

    @Test
    void failuresOfEveryChannelAreReportedOnceAfterEveryRecordWasDelivered() {
        PerfBufferReader<Integer> strict = Backends.perfBufferReader("strict", perf, Codecs.INT32, (cpu, count) -> {
            throw new IllegalStateException("lost " + count + " on CPU " + cpu);
        });
        ring.append(1);
        ring.append(2);
        perf.sample(0, 3);
        perf.lost(1, 9);
        perf.sample(1, 4);
        List<Integer> delivered = new ArrayList<>();
        EventPoller poller = EventPoller.builder()
                .ring(ringReader, v -> {
                    delivered.add(v);
                    if (v == 1) {
                        throw new IllegalArgumentException("bad ring record " + v);
                    }
                })
                .perf(strict, v -> {
                    delivered.add(v);
                    if (v == 4) {
                        throw new IllegalArgumentException("bad sample " + v);
                    }
                })
                .build();

        HandlerException failure = catchThrowableOfType(poller::drain, HandlerException.class);

        assertThat(delivered).containsExactly(1, 2, 3, 4);
        assertThat(failure.failures()).isEqualTo(3);
        assertThat(failure.delivered()).isEqualTo(4);
        assertThat(failure).hasMessageContaining("ring buffer 'ring', perf buffer 'strict'");
        assertThat(failure.getCause()).hasMessage("bad ring record 1");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("bad sample 4", "lost 9 on CPU 1");
        assertThat(ring.consumed()).isEqualTo(32);
        assertThat(perf.consumedAll(0)).isTrue();
        assertThat(perf.consumedAll(1)).isTrue();
        assertThat(poller.drain()).isZero(); // reported once, nothing delivered again
        poller.close();
    }

    @Test
    void aClosedReaderIsEmptyAndTheOtherChannelsAreStillServed() {
        ring.append(1);
        perf.sample(0, 2);
        try (EventPoller poller = typedPoller()) {
            perfReader.close();
            assertThat(poller.poll(Duration.ofSeconds(5))).isEqualTo(1);
        }
        assertThat(seen).containsExactly("ring 1");
    }

    @Test
    void closingThePollerWakesAWaitingPollAndLeavesTheReadersOpen() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        perf.onAwait = waiting::countDown;
        EventPoller poller = EventPoller.builder().perf(perfReader, v -> { }).build();
        CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> poller.poll(Duration.ofMinutes(10)));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        poller.close();
        poller.close();

        assertThat(poll.get(10, TimeUnit.SECONDS)).isZero();
        perf.sample(0, 5);
        assertThat(perfReader.drain(v -> { })).isEqualTo(1);
    }

    @Test
    void theBuilderRefusesNoChannelsTheSameReaderTwiceAndSubMillisecondIntervals() {
        assertThatThrownBy(() -> EventPoller.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one ring or perf buffer");
        assertThatThrownBy(() -> EventPoller.builder().perf(perfReader, v -> { }).perfViews(perfReader, (d, o, l) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perf buffer 'perf' is already in this poller");
        assertThatThrownBy(() -> EventPoller.builder().ring(ringReader, v -> { }).ring(ringReader, v -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring buffer 'ring' is already in this poller");
        assertThatThrownBy(() -> EventPoller.builder().drainInterval(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than a millisecond");
    }
}
