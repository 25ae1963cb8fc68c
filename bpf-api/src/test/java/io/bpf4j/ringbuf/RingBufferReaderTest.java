package io.bpf4j.ringbuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RingBufferReaderTest {
    private static final int SIZE = 64;

    /** A ring laid out as the kernel lays it out, with the data area mirrored as the double mapping is. */
    private static class Ring implements RingBufferMemory {
        final ByteBuffer consumer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        final ByteBuffer producer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        final ByteBuffer data = ByteBuffer.allocateDirect(2 * SIZE).order(ByteOrder.nativeOrder());
        int closes;
        long awaited;

        /** Appends a record with the given header flags; returns its header position. */
        long append(int value, int flags) {
            long pos = producer.getLong(0);
            putInt(pos, 4 | flags);
            putInt(pos + 8, value);
            producer.putLong(0, pos + 16);
            return pos;
        }

        void putInt(long pos, int v) {
            for (int i = 0; i < 4; i++) {
                byte b = (byte) (v >>> (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 8 * i : 24 - 8 * i));
                int at = (int) ((pos + i) & (SIZE - 1));
                data.put(at, b);
                data.put(at + SIZE, b);
            }
        }

        @Override public int size() { return SIZE; }
        @Override public ByteBuffer consumerPosition() { return consumer; }
        @Override public ByteBuffer producerPosition() { return producer; }
        @Override public ByteBuffer data() { return data; }
        @Override public boolean awaitData(long timeoutMillis) { awaited += timeoutMillis; return false; }
        @Override public void close() { closes++; }
    }

    private final Ring ring = new Ring();
    private final RingBufferReader<Integer> reader = new RingBufferReader<>("events", ring, Codecs.INT32);

    @Test
    void deliversRecordsInOrderAndAdvancesTheConsumerByRoundedSizes() {
        ring.append(7, 0);
        ring.append(8, 0);
        List<Integer> seen = new ArrayList<>();
        assertThat(reader.drain(seen::add)).isEqualTo(2);
        assertThat(seen).containsExactly(7, 8);
        assertThat(ring.consumer.getLong(0)).isEqualTo(32); // (8-byte header + 4 bytes) rounded to 16, twice
    }

    @Test
    void readsRecordsThatWrapAroundTheEnd() {
        for (int i = 0; i < 10; i++) { // 10 × 16 bytes > 64: positions wrap
            ring.append(i, 0);
            List<Integer> seen = new ArrayList<>();
            reader.drain(seen::add);
            assertThat(seen).containsExactly(i);
        }
    }

    @Test
    void positionsPastTwoToTheThirtyTwoAreMaskedNotTruncated() {
        // The kernel's positions are 64-bit byte counters; after 4 GiB of records they need all 64.
        long start = (1L << 32) - 32;
        ring.consumer.putLong(0, start);
        ring.producer.putLong(0, start);
        List<Integer> seen = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) { // 48 of the ring's 64 bytes
                ring.append(3 * round + i, 0);
            }
            assertThat(reader.drain(seen::add)).isEqualTo(3);
        }

        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ring.consumer.getLong(0)).isEqualTo(start + 6 * 16);
    }

    @Test
    void refusesMemoryOfAnUnsupportedSizeOrWithoutTheDoubleMapping() {
        Ring tooLarge = new Ring() {
            @Override public int size() { return 1 << 31; } // Integer.MIN_VALUE: one bit, but negative
        };
        Ring notDoubled = new Ring() {
            @Override public ByteBuffer data() { return data.slice(0, SIZE); }
        };

        assertThatThrownBy(() -> new RingBufferReader<>("big", tooLarge, Codecs.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ring buffer 'big': size -2147483648 is not a power of two up to 1073741824");
        assertThatThrownBy(() -> new RingBufferReader<>("half", notDoubled, Codecs.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ring buffer 'half': its data area of 64 bytes does not hold the double mapping of 64"
                        + " bytes (128 bytes)");
    }

    @Test
    void stopsAtARecordStillBeingWritten() {
        ring.append(1, 0);
        ring.append(2, 1 << 31);
        List<Integer> seen = new ArrayList<>();
        assertThat(reader.drain(seen::add)).isEqualTo(1);
        assertThat(seen).containsExactly(1);
        assertThat(ring.consumer.getLong(0)).isEqualTo(16);
    }

    @Test
    void skipsDiscardedRecords() {
        ring.append(1, 1 << 30);
        ring.append(2, 0);
        List<Integer> seen = new ArrayList<>();
        assertThat(reader.drain(seen::add)).isEqualTo(1);
        assertThat(seen).containsExactly(2);
        assertThat(ring.consumer.getLong(0)).isEqualTo(32);
    }

    @Test
    void viewPathSeesTheRecordInPlace() {
        ring.append(42, 0);
        List<String> seen = new ArrayList<>();
        reader.drainViews((data, offset, length) -> seen.add(data.getInt(offset) + "/" + length));
        assertThat(seen).containsExactly("42/4");
    }

    @Test
    void aFailingHandlerConsumesItsRecordOnce() {
        ring.append(1, 0);
        ring.append(2, 0);
        assertThatThrownBy(() -> reader.drain(v -> {
            throw new IllegalStateException("handler " + v);
        })).hasMessage("handler 1");
        List<Integer> seen = new ArrayList<>();
        reader.drain(seen::add);
        assertThat(seen).containsExactly(2);
    }

    @Test
    void pollWaitsOnlyWhenTheRingIsEmpty() {
        ring.append(5, 0);
        assertThat(reader.poll(Duration.ofMillis(50), v -> { })).isEqualTo(1);
        assertThat(ring.awaited).isZero();
        assertThat(reader.poll(Duration.ofMillis(50), v -> { })).isZero();
        assertThat(ring.awaited).isEqualTo(50);
    }

    @Test
    void closeUnmapsOnceAndLaterPollsDeliverNothing() {
        ring.append(5, 0);
        reader.close();
        reader.close();
        assertThat(ring.closes).isEqualTo(1);
        assertThat(reader.poll(Duration.ofMillis(10), v -> { })).isZero();
    }

    @Test
    void aCloseFromAnotherThreadDoesNotWaitForTheDrainInProgress() throws Exception {
        ring.append(1, 0);
        ring.append(2, 0);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<Integer> seen = new ArrayList<>();
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> reader.drain(v -> {
            seen.add(v);
            inHandler.countDown();
            await(letGo);
        }));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        // The handler still runs: a close that waited for it would never return (and a handler
        // closing the skeleton while another thread closes it would deadlock).
        CompletableFuture.runAsync(reader::close).get(10, TimeUnit.SECONDS);
        assertThat(ring.closes).isEqualTo(1);
        letGo.countDown();

        assertThat(drain.get(10, TimeUnit.SECONDS)).as("the drain stops after the record in hand").isEqualTo(1);
        assertThat(seen).containsExactly(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRecordShorterThanItsTypeIsReported() {
        RingBufferReader<Long> longs = new RingBufferReader<>("events", ring, Codecs.INT64);
        ring.append(1, 0);
        assertThatThrownBy(() -> longs.drain(v -> { }))
                .hasMessageContaining("a record of 4 bytes is shorter than its type (8 bytes)");
    }
}
