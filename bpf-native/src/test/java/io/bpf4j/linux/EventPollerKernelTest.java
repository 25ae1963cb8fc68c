package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.events.EventPoller;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.test.RequiresKernel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One {@link EventPoller} over event_channels.bpf.c's perf buffer and both its ring buffers: every
 * getpid(2) of this process writes one record to each.
 */
@RequiresKernel
class EventPollerKernelTest {
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LoadedObject loaded;
    private PerfBufferReader<ChannelEvent> perf;
    private RingBufferReader<ChannelEvent> signalled;
    private RingBufferReader<ChannelEvent> quiet;
    private final List<ChannelEvent> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        loaded = EventChannelsKernelTest.load();
        loaded.attach("emit");
        perf = Backends.perfBufferReader("samples", loaded.perfBuffer("samples", 8), ChannelEvent.CODEC,
                LostHandler.IGNORE);
        signalled = Backends.ringBufferReader("signalled", loaded.ringBuffer("signalled"), ChannelEvent.CODEC);
        quiet = Backends.ringBufferReader("quiet", loaded.ringBuffer("quiet"), ChannelEvent.CODEC);
    }

    @AfterEach
    void close() {
        // Readers first, so their rings are released before the object (and the link with it).
        perf.close();
        signalled.close();
        quiet.close();
        loaded.close();
    }

    @Test
    void onePollerServesThePerfBufferAndBothRings() {
        try (EventPoller poller = EventPoller.builder()
                .perf(perf, seen::add)
                .ring(signalled, seen::add)
                .ring(quiet, seen::add)
                .build()) {
            EventChannelsKernelTest.getpid(3);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (seen.size() < 9 && System.nanoTime() < deadline) {
                poller.poll(Duration.ofSeconds(1));
            }
        }
        for (int channel : new int[] {ChannelEvent.PERF, ChannelEvent.SIGNALLED_RING, ChannelEvent.QUIET_RING}) {
            assertThat(seen).as("channel %d", channel).filteredOn(e -> e.channel() == channel)
                    .extracting(ChannelEvent::seq).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
        assertThat(seen).hasSize(9).allSatisfy(e -> assertThat(e.tgid()).isEqualTo(PID));
        assertThat(perf.lostSamples()).isZero();
    }

    @Test
    void aPerfSampleWakesThePollerOutOfItsSharedWait() throws Exception {
        // The quiet ring never signals and the drain interval outlasts the test: only the perf
        // event's wake-up, through the poller's one epoll set, can end this poll early.
        try (EventPoller poller = EventPoller.builder()
                .ring(quiet, seen::add)
                .perf(perf, seen::add)
                .drainInterval(Duration.ofMinutes(10))
                .build()) {
            CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> poller.poll(Duration.ofMinutes(10)));
            // Lets the poll reach its wait; were it not there yet, its first drain would find the
            // sample instead, and the test would prove less but not fail.
            Thread.sleep(100);
            EventChannelsKernelTest.getpid(1);

            assertThat(poll.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isPositive();
        }
        assertThat(seen).extracting(ChannelEvent::channel).contains(ChannelEvent.PERF);
    }
}
