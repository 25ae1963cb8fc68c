package io.bpf4j.bench;

import com.sun.management.ThreadMXBean;
import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.ringbuf.RingBufferReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Java side of the ring-buffer drain benchmark: the program of {@code ringbuf_drain.bpf.c}
 * queues one 64-byte record per getpid(2) of this process (with {@code BPF_RB_NO_WAKEUP}); each
 * round queues {@code records} records, then times one drain of all of them, through the
 * zero-allocation view path ({@link RingBufferReader#drainViews}) or the typed record path
 * ({@link RingBufferReader#drain}). Rounds of both paths alternate after a warm-up.
 */
final class RingBufferDrainBenchmark {
    // Enough records through both paths for the JIT to have compiled them before measuring.
    private static final int WARM_UP_RECORDS = 300_000;
    private static final int MIN_WARM_UP_ROUNDS = 3;
    private static final int EMPTY_POLLS = 10_000_000;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Median records per second of each path, the bytes each path allocated per record (measured
     * over one extra round each, after the JIT has compiled them), and the cost of a poll that
     * finds the ring empty.
     */
    record Rates(double view, double typed, double viewBytesPerRecord, double typedBytesPerRecord,
                 double emptyPollNanos) {
    }

    private final Kernel kernel;
    private final int records;
    private final int rounds;

    RingBufferDrainBenchmark(Kernel kernel, int records, int rounds) {
        this.kernel = kernel;
        this.records = records;
        this.rounds = rounds;
    }

    Rates run() {
        try (RingbufDrainSkel.Open open = RingbufDrainSkel.open(kernel)) {
            open.rodata().targetTgid(ProcessHandle.current().pid());
            try (RingbufDrainSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<RingbufDrainSkel.BenchRecord> reader = skel.maps().records().reader()) {
                    return measure(reader);
                }
            }
        }
    }

    private Rates measure(RingBufferReader<RingbufDrainSkel.BenchRecord> reader) {
        SeqSum views = new SeqSum();
        TypedSeqSum typed = new TypedSeqSum();
        int warmUpRounds = Math.max(MIN_WARM_UP_ROUNDS, WARM_UP_RECORDS / records);
        for (int i = 0; i < warmUpRounds; i++) {
            timedRound(() -> reader.drainViews(views));
            timedRound(() -> reader.drain(typed));
        }
        double[] viewRates = new double[rounds];
        double[] typedRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            viewRates[round] = timedRound(() -> reader.drainViews(views));
            typedRates[round] = timedRound(() -> reader.drain(typed));
        }
        double viewBytes = allocatedPerRecord(() -> reader.drainViews(views));
        double typedBytes = allocatedPerRecord(() -> reader.drain(typed));
        return new Rates(Median.of(viewRates), Median.of(typedRates), viewBytes, typedBytes,
                emptyPollNanos(reader, views));
    }

    /** Nanoseconds per {@code pollViews} without timeout on the drained ring. */
    private static double emptyPollNanos(RingBufferReader<?> reader, RecordHandler handler) {
        long start = System.nanoTime();
        for (int i = 0; i < EMPTY_POLLS; i++) {
            reader.pollViews(Duration.ZERO, handler);
        }
        return (double) (System.nanoTime() - start) / EMPTY_POLLS;
    }

    /** Queues the records, then returns the bytes this thread allocated per record while draining. */
    private double allocatedPerRecord(Drain drain) {
        Getpid.call(records);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        int drained = drain.run();
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        return (double) allocated / drained;
    }

    /** Queues the records, then returns the drain's records per second. */
    private double timedRound(Drain drain) {
        Getpid.call(records);
        long start = System.nanoTime();
        int drained = drain.run();
        long nanos = System.nanoTime() - start;
        if (drained != records) {
            throw new IllegalStateException("ring buffer drain delivered " + drained + " records, expected "
                    + records + " (is the ring too small, or did another process call getpid with this pid?)");
        }
        return drained * 1e9 / nanos;
    }

    @FunctionalInterface
    private interface Drain {
        int run();
    }

    /**
     * The view path's trivial consumer: reads each record's sequence number in place. The sum
     * lives in a heap object, so the JIT cannot drop the reads as dead code.
     */
    private static final class SeqSum implements RecordHandler {
        long sum;

        @Override
        public void onRecord(ByteBuffer data, int offset, int length) {
            sum += data.getLong(offset);
        }
    }

    /** The typed path's trivial consumer. */
    private static final class TypedSeqSum implements Consumer<RingbufDrainSkel.BenchRecord> {
        long sum;

        @Override
        public void accept(RingbufDrainSkel.BenchRecord record) {
            sum += record.seq();
        }
    }
}
