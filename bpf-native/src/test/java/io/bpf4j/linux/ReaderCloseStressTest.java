package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.RingBufferPoller;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.test.RequiresKernel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's reliability clause: closing a reader while another thread polls it, thousands of
 * times, never touches unmapped memory (which would crash the JVM rather than fail a test) and
 * leaks no fd. Records are flowing, so closes land both in drains and in waits.
 *
 * <p>Kept to a few seconds by default; {@code -Dbpf4j.stressRounds=N} (default 1000) runs longer.
 * Closing whole objects costs ~75 ms each (load, attach, detach), so that test does a fiftieth of the rounds.
 */
@RequiresKernel
class ReaderCloseStressTest {
    private static final int ROUNDS = Integer.getInteger("bpf4j.stressRounds", 1_000);
    private static final Duration POLL = Duration.ofMillis(1);

    private final ExecutorService poller = Executors.newSingleThreadExecutor();
    private final AtomicLong records = new AtomicLong();
    private LoadedObject loaded;
    private long fdsBefore;

    @BeforeEach
    void load() {
        loaded = EventChannelsKernelTest.load();
        loaded.attach("emit");
        fdsBefore = Fixtures.openFds();
    }

    @AfterEach
    void close() throws InterruptedException {
        poller.shutdownNow();
        assertThat(poller.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        loaded.close();
    }

    @Test
    void closingARingReaderWhileItIsPolled() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            RingBufferReader<ChannelEvent> reader =
                    Backends.ringBufferReader("signalled", loaded.ringBuffer("signalled"), ChannelEvent.CODEC);
            closeWhilePolling(reader, () -> reader.poll(POLL, e -> records.incrementAndGet()));
        }
        assertThat(records.get()).isPositive();
        assertThat(Fixtures.openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void closingAPerfReaderWhileItIsPolled() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            PerfBufferReader<ChannelEvent> reader =
                    Backends.perfBufferReader("samples", loaded.perfBuffer("samples", 1), ChannelEvent.CODEC,
                            LostHandler.IGNORE);
            closeWhilePolling(reader, () -> reader.poll(POLL, e -> records.incrementAndGet()));
        }
        assertThat(records.get()).isPositive();
        assertThat(Fixtures.openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void closingARingReaderWhileAPollerPollsIt() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            RingBufferReader<ChannelEvent> signalled =
                    Backends.ringBufferReader("signalled", loaded.ringBuffer("signalled"), ChannelEvent.CODEC);
            RingBufferReader<ChannelEvent> quiet =
                    Backends.ringBufferReader("quiet", loaded.ringBuffer("quiet"), ChannelEvent.CODEC);
            RingBufferPoller both = RingBufferPoller.builder()
                    .add(signalled, e -> records.incrementAndGet())
                    .add(quiet, e -> records.incrementAndGet())
                    .drainInterval(POLL)
                    .build();
            closeWhilePolling(signalled, () -> both.poll(POLL));
            both.close();
            quiet.close();
        }
        assertThat(records.get()).isPositive();
        assertThat(Fixtures.openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void closingTheObjectWhileItsReadersArePolled() throws Exception {
        loaded.close(); // this test loads its own objects
        long fds = Fixtures.openFds();
        for (int i = 0; i < Math.max(1, ROUNDS / 50); i++) {
            LoadedObject object = EventChannelsKernelTest.load();
            object.attach("emit");
            RingBufferReader<ChannelEvent> ring =
                    Backends.ringBufferReader("signalled", object.ringBuffer("signalled"), ChannelEvent.CODEC);
            PerfBufferReader<ChannelEvent> perf =
                    Backends.perfBufferReader("samples", object.perfBuffer("samples", 1), ChannelEvent.CODEC,
                            LostHandler.IGNORE);
            // The object closes both buffers under the readers, which are closed only afterwards.
            closeWhilePolling(object, () -> {
                ring.poll(POLL, e -> records.incrementAndGet());
                perf.poll(POLL, e -> records.incrementAndGet());
            });
            ring.close();
            perf.close();
        }
        assertThat(records.get()).isPositive();
        assertThat(Fixtures.openFds()).isEqualTo(fds);
    }

    /** Polls on the poller thread until {@code reader} is closed by this thread amid fresh records. */
    private void closeWhilePolling(AutoCloseable reader, Runnable poll) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> polling = poller.submit(() -> {
            while (!stop.get()) {
                poll.run();
            }
        });
        EventChannelsKernelTest.getpid(3);
        reader.close();
        stop.set(true);
        polling.get(10, TimeUnit.SECONDS);
    }
}
