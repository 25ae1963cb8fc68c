package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.RequiresKernel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresKernel
class NativeRingBufferMemoryTest {
    /** {@code struct event} of the fixture: u32 tgid, u32 seq, u64 marker. */
    private static final int EVENT_SIZE = 16;
    private static final int HEADER_SIZE = 8;
    private static final long MARKER = 0xB0F4_0001L;

    private LoadedObject loaded;
    private LinkHandle link;

    @BeforeEach
    void loadAndAttach() {
        try (OpenObject open = new NativeKernel().openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            open.initialData(".rodata").putInt(0, (int) ProcessHandle.current().pid()).putLong(8, MARKER);
            loaded = open.load();
        }
        link = loaded.attach("count_getpid");
    }

    @AfterEach
    void close() {
        loaded.close();
    }

    @Test
    void recordsAppearInTheMappedMemory() {
        try (RingBufferMemory ring = loaded.ringBuffer("events")) {
            assertThat(ring.size()).isEqualTo(64 * 1024);
            assertThat(ring.data().capacity()).isEqualTo(2 * 64 * 1024);
            long consumed = ring.consumerPosition().getLong(0);
            assertThat(ring.producerPosition().getLong(0)).isEqualTo(consumed);

            Fixtures.getpid();
            Fixtures.getpid();

            assertThat(ring.awaitData(1_000)).isTrue();
            assertThat(ring.producerPosition().getLong(0) - consumed).isEqualTo(2 * (HEADER_SIZE + EVENT_SIZE));
            int offset = (int) (consumed & (ring.size() - 1));
            int header = ring.data().getInt(offset);
            assertThat(header).isEqualTo(EVENT_SIZE); // neither busy nor discarded
            assertThat(ring.data().getInt(offset + HEADER_SIZE)).isEqualTo((int) ProcessHandle.current().pid());
            assertThat(ring.data().getLong(offset + HEADER_SIZE + 8)).isEqualTo(MARKER);
        }
    }

    @Test
    void awaitDataTimesOutWhenEverythingIsConsumed() {
        try (RingBufferMemory ring = loaded.ringBuffer("events")) {
            Fixtures.getpid();
            ring.consumerPosition().putLong(0, ring.producerPosition().getLong(0));

            long start = System.nanoTime();
            assertThat(ring.awaitData(100)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        }
    }

    @Test
    void closeWakesAWaiterAndIsIdempotent() throws Exception {
        RingBufferMemory ring = loaded.ringBuffer("events");
        link.close(); // nothing may arrive while the waiter waits
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> ring.awaitData(30_000));
        Thread.sleep(200);

        ring.close();
        ring.close();

        assertThat(waiter.get(2, TimeUnit.SECONDS)).isFalse();
        assertThat(ring.awaitData(10)).isFalse();
    }

    @Test
    void closingTheObjectClosesItsRingBuffers() {
        RingBufferMemory ring = loaded.ringBuffer("events");

        loaded.close();

        assertThat(ring.awaitData(10)).isFalse();
        ring.close();
    }
}
