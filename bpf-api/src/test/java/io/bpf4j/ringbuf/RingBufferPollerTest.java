package io.bpf4j.ringbuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bpf4j.codec.Codecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RingBufferPollerTest {
    private final InMemoryRing first = new InMemoryRing(256);
    private final InMemoryRing second = new InMemoryRing(256);
    private final RingBufferReader<Integer> firstReader = new RingBufferReader<>("first", first, Codecs.INT32);
    private final RingBufferReader<Integer> secondReader = new RingBufferReader<>("second", second, Codecs.INT32);
    private final List<String> seen = new ArrayList<>();

    private RingBufferPoller poller() {
        return RingBufferPoller.builder()
                .add(firstReader, v -> seen.add("first " + v))
                .addViews(secondReader, (data, offset, length) -> seen.add("second " + data.getInt(offset)))
                .drainInterval(Duration.ofMillis(10))
                .build();
    }

    @Test
    void onePollDrainsEveryRingTypedAndInPlace() {
        first.append(1);
        first.append(2);
        second.append(3);
        try (RingBufferPoller poller = poller()) {
            assertThat(poller.poll(Duration.ofSeconds(5))).isEqualTo(3);
        }
        assertThat(seen).containsExactly("first 1", "first 2", "second 3");
        assertThat(first.consumed()).isEqualTo(32);
        assertThat(second.consumed()).isEqualTo(16);
    }

    @Test
    void aPollThatFindsRecordsNeverWaits() {
        second.append(7);
        try (RingBufferPoller poller = poller()) {
            poller.poll(Duration.ofSeconds(5));
        }
        assertThat(first.waits).isEmpty();
        assertThat(second.waits).isEmpty();
    }

    @Test
    void aZeroTimeoutPollOfEmptyRingsReturnsWithoutWaiting() {
        try (RingBufferPoller poller = poller()) {
            assertThat(poller.poll(Duration.ZERO)).isZero();
        }
        assertThat(first.waits).isEmpty();
        assertThat(second.waits).isEmpty();
    }

    @Test
    void recordsOfAProducerThatNeverSignalsArriveByTheTimedDrain() {
        // The producer writes while the poller waits and never wakes it, like BPF_RB_NO_WAKEUP.
        first.onAwait = () -> {
            if (first.producer.getLong(0) == 0) {
                first.append(42);
            }
        };
        try (RingBufferPoller poller = RingBufferPoller.builder()
                .add(firstReader, v -> seen.add("first " + v))
                .drainInterval(Duration.ofMillis(10))
                .build()) {
            assertThat(poller.poll(Duration.ofMinutes(10))).isEqualTo(1);
        }
        assertThat(seen).containsExactly("first 42");
        // Every wait was bounded by the drain interval, not by the poll's ten minutes.
        assertThat(first.waits).isNotEmpty().allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(10));
    }

    @Test
    void handlerExceptionsAreCollectedAndEveryRecordIsStillDelivered() {
        first.append(1);
        first.append(2);
        first.append(3);
        second.append(4);
        List<Integer> delivered = new ArrayList<>();
        RingBufferPoller poller = RingBufferPoller.builder()
                .add(firstReader, v -> {
                    delivered.add(v);
                    if (v != 2) {
                        throw new IllegalStateException("bad record " + v);
                    }
                })
                .add(secondReader, v -> {
                    delivered.add(v);
                    throw new IllegalArgumentException("bad record " + v);
                })
                .build();

        HandlerException failure = catchThrowableOfType(() -> poller.poll(Duration.ofSeconds(5)), HandlerException.class);

        assertThat(delivered).containsExactly(1, 2, 3, 4);
        assertThat(failure.failures()).isEqualTo(3);
        assertThat(failure.delivered()).isEqualTo(4);
        assertThat(failure).hasMessageContaining("ring buffers 'first', 'second'")
                .hasMessageContaining("3 of 4 record handler calls threw");
        assertThat(failure.getCause()).hasMessage("bad record 1");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("bad record 3", "bad record 4");
        assertThat(first.consumed()).isEqualTo(48);
        assertThat(second.consumed()).isEqualTo(16);
        assertThat(poller.drain()).isZero(); // reported once, nothing redelivered
        poller.close();
    }

    @Test
    void beyondTheSuppressedLimitFailuresAreCountedButNotKept() {
        InMemoryRing big = new InMemoryRing(1024);
        RingBufferReader<Integer> reader = new RingBufferReader<>("big", big, Codecs.INT32);
        for (int i = 0; i < 40; i++) {
            big.append(i);
        }
        try (RingBufferPoller poller = RingBufferPoller.builder().add(reader, v -> {
            throw new IllegalStateException("record " + v);
        }).build()) {
            HandlerException failure = catchThrowableOfType(poller::drain, HandlerException.class);
            assertThat(failure.failures()).isEqualTo(40);
            assertThat(failure.getSuppressed()).hasSize(HandlerFailures.MAX_SUPPRESSED);
        }
    }

    @Test
    void aClosedReaderIsEmptyAndTheOthersAreStillServed() {
        first.append(1);
        second.append(2);
        try (RingBufferPoller poller = poller()) {
            firstReader.close();
            assertThat(poller.poll(Duration.ofSeconds(5))).isEqualTo(1);
        }
        assertThat(seen).containsExactly("second 2");
    }

    @Test
    void closingThePollerWakesAWaitingPollAndLeavesTheReadersOpen() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        first.onAwait = waiting::countDown;
        RingBufferPoller poller = RingBufferPoller.builder().add(firstReader, v -> { }).build();
        CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> poller.poll(Duration.ofMinutes(10)));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        poller.close();
        poller.close();

        assertThat(poll.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(first.closes).isZero();
        first.append(5);
        assertThat(firstReader.drain(v -> { })).isEqualTo(1);
    }

    @Test
    void theBuilderRefusesNoRingsTheSameRingTwiceAndSubMillisecondIntervals() {
        assertThatThrownBy(() -> RingBufferPoller.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one ring buffer");
        assertThatThrownBy(() -> RingBufferPoller.builder().add(firstReader, v -> { }).add(firstReader, v -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'first' is already in this poller");
        assertThatThrownBy(() -> RingBufferPoller.builder().drainInterval(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than a millisecond");
    }
}
