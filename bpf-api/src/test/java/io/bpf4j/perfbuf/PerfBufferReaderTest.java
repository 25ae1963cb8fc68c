package io.bpf4j.perfbuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bpf4j.codec.Codecs;
import io.bpf4j.ringbuf.HandlerException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfBufferReaderTest {
    private static final int DATA_SIZE = 128;

    private final InMemoryPerfBuffer buffer = new InMemoryPerfBuffer(2, DATA_SIZE);
    private final List<String> events = new ArrayList<>();
    private final PerfBufferReader<Integer> reader =
            new PerfBufferReader<>("samples", buffer, Codecs.INT32, (cpu, count) -> events.add("lost " + count + " on " + cpu));

    @Test
    void deliversTheSamplesOfEveryCpuAndReleasesTheirSpace() {
        buffer.sample(0, 10);
        buffer.sample(0, 11);
        buffer.sample(1, 20);

        assertThat(reader.drain(v -> events.add("sample " + v))).isEqualTo(3);

        assertThat(events).containsExactly("sample 10", "sample 11", "sample 20");
        assertThat(buffer.tail(0)).isEqualTo(buffer.head(0)).isEqualTo(32); // two 16-byte records
        assertThat(buffer.tail(1)).isEqualTo(buffer.head(1)).isEqualTo(16);
    }

    @Test
    void theViewPathSeesTheRawBytesWithTheKernelsPadding() {
        buffer.sample(0, 7, 8, 9); // 12 raw bytes: 8 + 4 + 12 = 24, already aligned
        buffer.sample(1, 5); // 4 raw bytes: 8 + 4 + 4 = 16
        List<String> views = new ArrayList<>();
        reader.drainViews((data, offset, length) -> views.add(data.getInt(offset) + "/" + length));
        assertThat(views).containsExactly("7/12", "5/4");
    }

    @Test
    void aSampleThatWrapsAroundTheEndIsDeliveredWholeFromTheReadersScratchBuffer() {
        buffer.skipTo(0, 112); // a 24-byte sample from 112 wraps: 16 bytes at the end, 8 at the start
        buffer.sample(0, 0x1111, 0x2222, 0x3333);
        buffer.sample(0, 0x4444, 0x5555, 0x6666); // from 136 & 127 = 8: contiguous
        buffer.skipTo(1, 120); // wraps right after the header
        buffer.sample(1, 0x7777, 0x8888, 0x9999);
        List<String> views = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();

        reader.drainViews((data, offset, length) -> {
            views.add(Integer.toHexString(data.getInt(offset)) + "," + Integer.toHexString(data.getInt(offset + 4))
                    + "," + Integer.toHexString(data.getInt(offset + 8)));
            buffers.add(data);
        });

        assertThat(views).containsExactly("1111,2222,3333", "4444,5555,6666", "7777,8888,9999");
        assertThat(buffers.get(0)).isSameAs(buffers.get(2)).isNotSameAs(buffers.get(1)); // one scratch, no copies per record
        assertThat(buffer.tail(0)).isEqualTo(160);
        assertThat(buffer.tail(1)).isEqualTo(144);
    }

    @Test
    void lostSamplesAreCountedPerCpuAndReportedInRingOrder() {
        buffer.sample(0, 1);
        buffer.lost(0, 5);
        buffer.sample(0, 2);
        buffer.lost(1, 3);
        buffer.lost(1, 4);
        buffer.throttle(1);

        assertThat(reader.drain(v -> events.add("sample " + v))).isEqualTo(2);

        assertThat(events).containsExactly("sample 1", "lost 5 on 0", "sample 2", "lost 3 on 1", "lost 4 on 1");
        assertThat(reader.lostSamples(0)).isEqualTo(5);
        assertThat(reader.lostSamples(1)).isEqualTo(7);
        assertThat(reader.lostSamples()).isEqualTo(12);
        assertThat(buffer.tail(1)).isEqualTo(buffer.head(1));
        assertThatThrownBy(() -> reader.lostSamples(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void handlerExceptionsAreCollectedAcrossCpusAndEveryRecordIsStillConsumed() {
        buffer.sample(0, 1);
        buffer.sample(0, 2);
        buffer.sample(1, 3);
        List<Integer> delivered = new ArrayList<>();

        HandlerException failure = catchThrowableOfType(() -> reader.drain(v -> {
            delivered.add(v);
            if (v != 2) {
                throw new IllegalStateException("bad sample " + v);
            }
        }), HandlerException.class);

        assertThat(delivered).containsExactly(1, 2, 3);
        assertThat(failure.failures()).isEqualTo(2);
        assertThat(failure.delivered()).isEqualTo(3);
        assertThat(failure).hasMessageContaining("perf buffer 'samples'");
        assertThat(failure.getCause()).hasMessage("bad sample 1");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("bad sample 3");
        assertThat(buffer.tail(0)).isEqualTo(buffer.head(0));
        assertThat(buffer.tail(1)).isEqualTo(buffer.head(1));
        assertThat(reader.drain(v -> { })).isZero();
    }

    @Test
    void aFailingLostHandlerIsReportedToo() {
        PerfBufferReader<Integer> strict = new PerfBufferReader<>("samples", buffer, Codecs.INT32, (cpu, count) -> {
            throw new IllegalStateException("too many lost: " + count);
        });
        buffer.lost(1, 9);
        buffer.sample(1, 4);
        List<Integer> delivered = new ArrayList<>();

        HandlerException failure = catchThrowableOfType(() -> strict.drain(delivered::add), HandlerException.class);

        assertThat(delivered).containsExactly(4);
        assertThat(failure.getCause()).hasMessage("too many lost: 9");
        assertThat(strict.lostSamples(1)).isEqualTo(9);
    }

    @Test
    void aSampleShorterThanItsTypeIsReported() {
        PerfBufferReader<Long> longs = new PerfBufferReader<>("samples", buffer, Codecs.INT64);
        buffer.sample(0, 1);
        HandlerException failure = catchThrowableOfType(() -> longs.drain(v -> { }), HandlerException.class);
        assertThat(failure.getCause()).hasMessageContaining("a sample of 4 bytes is shorter than its type (8 bytes)");
    }

    @Test
    void aPollWaitsOnlyWhenEveryRingIsEmpty() {
        buffer.sample(1, 5);
        assertThat(reader.poll(Duration.ofMillis(50), v -> { })).isEqualTo(1);
        assertThat(buffer.waits).isEmpty();
        assertThat(reader.poll(Duration.ZERO, v -> { })).isZero();
        assertThat(buffer.waits).isEmpty();
        assertThat(reader.poll(Duration.ofMillis(50), v -> { })).isZero();
        assertThat(buffer.waits).containsExactly(50L);
    }

    @Test
    void theTailMovesOnlyAfterTheHandlerIsDoneWithTheSample() {
        buffer.sample(0, 1);
        List<Long> tails = new ArrayList<>();
        reader.drainViews((data, offset, length) -> tails.add(buffer.tail(0)));
        assertThat(tails).containsExactly(0L);
        assertThat(buffer.tail(0)).isEqualTo(16);
    }

    @Test
    void aCorruptRecordSizeIsReportedInsteadOfLoopingForever() {
        buffer.metadata(0).putLong(InMemoryPerfBuffer.DATA_HEAD, 8); // a header of size 0
        assertThatThrownBy(() -> reader.drain(v -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("perf buffer 'samples' CPU 0: corrupt record of 0 bytes at position 0");
    }

    @Test
    void closeReleasesTheMemoryOnceAndLaterPollsDeliverNothing() {
        buffer.lost(0, 2);
        reader.drain(v -> { });
        buffer.sample(0, 1);
        reader.close();
        reader.close();
        assertThat(buffer.closes).isEqualTo(1);
        assertThat(reader.poll(Duration.ofMillis(10), v -> { })).isZero();
        assertThat(reader.lostSamples(0)).isEqualTo(2);
    }

    @Test
    void memoryTheBackendClosedIsNeverReadAgain() {
        buffer.sample(0, 1);
        buffer.closedByBackend = true;
        assertThat(reader.drain(v -> { })).isZero();
        assertThat(buffer.tail(0)).isZero();
    }

    @Test
    void aDataAreaThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new PerfBufferReader<>("samples", new InMemoryPerfBuffer(1, 48), Codecs.INT32))
                .hasMessageContaining("perf buffer 'samples' CPU 0: data size 48 is not a power of two");
    }
}
