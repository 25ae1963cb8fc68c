package io.bpf4j.bench;

import com.sun.management.ThreadMXBean;
import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.ringbuf.RingBufferReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of the sustained-stream benchmark (the C side is {@code ringbuf_stream.c}): a
 * {@link StreamProducer} on CPU 0 calls getpid(2) {@code events} times, and the program of
 * {@code ringbuf_drain.bpf.c} submits one 64-byte record per call with {@code BPF_RB_NO_WAKEUP};
 * the consumer, pinned to CPU 1, drains the ring with {@link RingBufferReader#drainViews} every
 * 10 ms (epoll is never signalled), and once more as soon as the producer is done. One warm-up
 * round is not counted; figures are medians of {@code rounds} rounds. Meanwhile every other thread
 * of this JVM is kept on the consumer's CPU ({@link JvmConfinement}): the C harness's process has
 * no thread but its producer on CPU 0, and JIT or GC threads there would slow the producer down.
 */
final class StreamBenchmark {
    private static final long DRAIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int CONSUMER_CPU = 1;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * @param eventsPerSecond records consumed per second, from the producer's start to the last
     *     record consumed (median)
     * @param drops the most records any round's program could not reserve (the ring was full)
     * @param cpuNanosPerEvent the consumer thread's CPU time per record consumed (median)
     * @param getpidNanos the producer's time per getpid(2), program included (median)
     * @param bytesPerEvent what the consumer thread allocated per record, over all measured rounds
     */
    record Figures(double eventsPerSecond, long drops, double cpuNanosPerEvent, double getpidNanos,
                   double bytesPerEvent) {
    }

    private final Kernel kernel;
    private final StreamProducer producer;
    private final long events;
    private final int rounds;

    /** @param producer makes {@code events} getpid calls per burst; the caller closes it */
    StreamBenchmark(Kernel kernel, StreamProducer producer, long events, int rounds) {
        this.kernel = kernel;
        this.producer = producer;
        this.events = events;
        this.rounds = rounds;
    }

    Figures run() throws InterruptedException {
        try (RingbufDrainSkel.Open open = RingbufDrainSkel.open(kernel)) {
            open.rodata().targetTgid(producer.tgid());
            try (RingbufDrainSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<RingbufDrainSkel.BenchRecord> reader = skel.maps().records().reader();
                     JvmConfinement confinement = JvmConfinement.to(CONSUMER_CPU)) {
                    return onConsumerThread(() -> measure(skel, reader));
                }
            }
        }
    }

    /** Runs {@code work} on a new thread pinned to the consumer CPU, so the caller stays unpinned. */
    private static Figures onConsumerThread(Callable<Figures> work) throws InterruptedException {
        FutureTask<Figures> task = new FutureTask<>(() -> {
            CpuAffinity.pinCurrentThread(CONSUMER_CPU);
            return work.call();
        });
        Thread consumer = new Thread(task, "bpf4j-bench-consumer");
        consumer.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("stream benchmark failed: " + e.getCause(), e.getCause());
        }
    }

    private Figures measure(RingbufDrainSkel skel, RingBufferReader<?> reader) throws InterruptedException {
        SeqSum handler = new SeqSum();
        round(skel, reader, handler); // warm-up: the JIT compiles the drain
        double[] rates = new double[rounds];
        double[] cpu = new double[rounds];
        double[] getpid = new double[rounds];
        long drops = 0;
        long consumed = 0;
        long thread = Thread.currentThread().getId();
        long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < rounds; i++) {
            Round round = round(skel, reader, handler);
            rates[i] = round.consumed * 1e9 / round.nanos;
            cpu[i] = (double) round.cpuNanos / round.consumed;
            getpid[i] = round.getpidNanos;
            drops = Math.max(drops, round.drops);
            consumed += round.consumed;
        }
        double bytes = (double) (THREADS.getThreadAllocatedBytes(thread) - allocatedBefore) / consumed;
        return new Figures(Median.of(rates), drops, Median.of(cpu), Median.of(getpid), bytes);
    }

    /** What one round measured. */
    private record Round(long consumed, long drops, long nanos, long cpuNanos, double getpidNanos) {
    }

    private Round round(RingbufDrainSkel skel, RingBufferReader<?> reader, SeqSum handler)
            throws InterruptedException {
        skel.bss().drops(0);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ProducerBurst burst = producer.start(Thread.currentThread());
        long consumed = 0;
        long tick = start;
        boolean done;
        do {
            tick += DRAIN_INTERVAL_NANOS;
            done = burst.awaitDoneOrTick(tick);
            consumed += reader.drainViews(handler);
        } while (!done); // the drain after `done` took the last records: they are all committed
        long nanos = System.nanoTime() - start;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        producer.awaitIdle();
        double getpidNanos = burst.getpidNanos();
        long drops = skel.bss().drops();
        if (consumed + drops != events) {
            throw new IllegalStateException("stream: consumed " + consumed + " + dropped " + drops
                    + " records of " + events + " getpid calls (did another thread of the producer call getpid?)");
        }
        return new Round(consumed, drops, nanos, cpuNanos, getpidNanos);
    }

    /** The consumer's trivial handler: reads each record's sequence number in place. */
    private static final class SeqSum implements RecordHandler {
        long sum;

        @Override
        public void onRecord(ByteBuffer data, int offset, int length) {
            sum += data.getLong(offset);
        }
    }
}
