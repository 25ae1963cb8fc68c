package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.RingBufferPoller;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Perf buffers, ring buffers and the ring poller against the real kernel, fed by event_channels.bpf.c. */
@RequiresKernel
class EventChannelsKernelTest {
    static final String FIXTURE = "event_channels.bpf.o";
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LoadedObject loaded;
    private LinkHandle link;

    @BeforeEach
    void loadAndAttach() {
        loaded = load();
        link = loaded.attach("emit");
    }

    /** Loads the fixture for this process (attach program "emit" to start it); the caller closes it. */
    static LoadedObject load() {
        try (OpenObject open = new NativeKernel().openObject("event_channels", Fixtures.object(FIXTURE))) {
            open.initialData(".rodata").putInt(0, PID);
            return open.load();
        }
    }

    @AfterEach
    void close() {
        loaded.close();
    }

    @Test
    void perfSamplesArriveWithTheirContent() {
        try (PerfBufferReader<ChannelEvent> reader =
                Backends.perfBufferReader("samples", loaded.perfBuffer("samples", 8), ChannelEvent.CODEC,
                        LostHandler.IGNORE)) {
            assertThat(reader.cpuCount()).isEqualTo(PossibleCpus.count());
            getpid(3);

            List<ChannelEvent> seen = collect(3, handler -> reader.poll(Duration.ofSeconds(1), handler));

            assertThat(seen).extracting(ChannelEvent::seq).containsExactly(1L, 2L, 3L);
            assertThat(seen).allSatisfy(e -> {
                assertThat(e.tgid()).isEqualTo(PID);
                assertThat(e.channel()).isEqualTo(ChannelEvent.PERF);
            });
            assertThat(reader.lostSamples()).isZero();
        }
    }

    @Test
    void theViewPathSeesEachSampleInPlaceWithTheKernelsPadding() {
        try (PerfBufferReader<ChannelEvent> reader =
                Backends.perfBufferReader("samples", loaded.perfBuffer("samples", 8), ChannelEvent.CODEC,
                        LostHandler.IGNORE)) {
            getpid(1);
            List<String> views = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (views.isEmpty() && System.nanoTime() < deadline) {
                reader.pollViews(Duration.ofSeconds(1), (data, offset, length) ->
                        views.add(data.getLong(offset) + "/" + data.getInt(offset + 12) + "/" + length));
            }
            // 16 bytes of event; the kernel pads u32 size + data to 8 bytes, so 20 raw bytes arrive.
            assertThat(views).containsExactly("1/1/20");
        }
    }

    @Test
    void aTinyFloodedPerfBufferCountsTheSamplesItDropped() {
        List<String> reports = new ArrayList<>();
        int calls = 2_000;
        long delivered;
        try (PerfBufferReader<ChannelEvent> reader = Backends.perfBufferReader("samples",
                loaded.perfBuffer("samples", 1), ChannelEvent.CODEC, (cpu, count) -> reports.add(cpu + ":" + count));
                CpuPinning pinned = CpuPinning.pinTo(0)) {
            getpid(calls); // one page holds about a hundred 40-byte samples: the rest are dropped
            delivered = reader.drain(e -> { });
            getpid(1); // the kernel reports the loss with the first sample that fits again
            delivered += reader.drain(e -> { });

            assertThat(reader.lostSamples(0)).isPositive();
            assertThat(reader.lostSamples(1)).isZero();
            assertThat(delivered + reader.lostSamples(0)).isEqualTo(calls + 1);
            assertThat(reports).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("0:"));
            assertThat(reports.stream().mapToLong(r -> Long.parseLong(r.substring(2))).sum())
                    .isEqualTo(reader.lostSamples(0));
        }
    }

    @Test
    void onePollerServesBothRings() {
        try (RingBufferReader<ChannelEvent> signalled = ringReader("signalled");
                RingBufferReader<ChannelEvent> quiet = ringReader("quiet")) {
            List<ChannelEvent> seen = new ArrayList<>();
            try (RingBufferPoller poller = RingBufferPoller.builder()
                    .add(signalled, seen::add)
                    .add(quiet, seen::add)
                    .build()) {
                getpid(3);
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (seen.size() < 6 && System.nanoTime() < deadline) {
                    poller.poll(Duration.ofSeconds(1));
                }
            }
            assertThat(seen).filteredOn(e -> e.channel() == ChannelEvent.SIGNALLED_RING)
                    .extracting(ChannelEvent::seq).containsExactly(1L, 2L, 3L);
            assertThat(seen).filteredOn(e -> e.channel() == ChannelEvent.QUIET_RING)
                    .extracting(ChannelEvent::seq).containsExactly(1L, 2L, 3L);
            assertThat(seen).hasSize(6).allSatisfy(e -> assertThat(e.tgid()).isEqualTo(PID));
        }
    }

    @Test
    void aNoWakeupProducerNeverSignalsEpoll() {
        try (RingBufferMemory quiet = loaded.ringBuffer("quiet")) {
            getpid(1);
            assertThat(quiet.producerPosition().getLong(0)).isGreaterThan(quiet.consumerPosition().getLong(0));
            assertThat(quiet.awaitData(100)).isFalse(); // data waits, but nobody was told
        }
    }

    @Test
    void noWakeupRecordsArriveThroughTheTimedDrain() throws Exception {
        try (RingBufferReader<ChannelEvent> quiet = ringReader("quiet")) {
            List<ChannelEvent> seen = new ArrayList<>();
            try (RingBufferPoller poller = RingBufferPoller.builder()
                    .add(quiet, seen::add)
                    .drainInterval(Duration.ofMillis(10))
                    .build()) {
                // Produced while the poll waits: the epoll wait is never signalled, only the timer helps.
                CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                    sleep(100);
                    getpid(1);
                });
                long start = System.nanoTime();
                int delivered = poller.poll(Duration.ofSeconds(60));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                producer.get(10, TimeUnit.SECONDS);

                assertThat(delivered).isEqualTo(1);
                assertThat(seen).containsExactly(new ChannelEvent(1, PID, ChannelEvent.QUIET_RING));
                // Far below the poll's 60 s: a timed drain found it, not the end of the poll.
                assertThat(took).isLessThan(PATIENCE);
            }
        }
    }

    @Test
    void closingTheObjectReleasesItsPerfBuffers() {
        link.close(); // the tracepoint link is a perf event too
        long perfEventsBefore = openFdsOf("anon_inode:[perf_event]");
        PerfBufferReader<ChannelEvent> reader =
                Backends.perfBufferReader("samples", loaded.perfBuffer("samples", 1), ChannelEvent.CODEC,
                        LostHandler.IGNORE);
        assertThat(openFdsOf("anon_inode:[perf_event]")).isEqualTo(perfEventsBefore + PossibleCpus.count());

        loaded.close();

        assertThat(openFdsOf("anon_inode:[perf_event]")).isEqualTo(perfEventsBefore);
        assertThat(reader.poll(Duration.ofMillis(10), e -> { })).isZero();
        reader.close();
    }

    /** How many of this process's fds are open on {@code target} (as /proc/self/fd links name it). */
    private static long openFdsOf(String target) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (NoSuchFileException gone) {
                    return false; // the listing's own fd, closed by the time it is read
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void perfBufferArgumentsAreChecked() {
        assertThatThrownBy(() -> loaded.perfBuffer("samples", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perf buffer 'samples': 3 pages per CPU is not a power of two");
        assertThatThrownBy(() -> loaded.perfBuffer("signalled", 1))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("opening perf buffer 'signalled'")
                .hasMessageContaining("not a perf event array");
    }

    private RingBufferReader<ChannelEvent> ringReader(String map) {
        return Backends.ringBufferReader(map, loaded.ringBuffer(map), ChannelEvent.CODEC);
    }

    private interface Poll {
        void poll(Consumer<ChannelEvent> handler);
    }

    /** Polls until {@code count} records arrived or patience ran out; returns them by sequence number. */
    private static List<ChannelEvent> collect(int count, Poll poll) {
        List<ChannelEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            poll.poll(seen::add);
        }
        // Samples of different CPUs come in CPU order, not call order.
        seen.sort(Comparator.comparingLong(ChannelEvent::seq));
        return seen;
    }

    static void getpid(int times) {
        LongStream.range(0, times).forEach(i -> Fixtures.getpid());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
