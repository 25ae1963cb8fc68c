package io.bpf4j.bench;

import com.sun.management.ThreadMXBean;
import io.bpf4j.map.BatchResult;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.RawMap;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * The Java side of the batch-dump benchmark (the C side is {@code map_ops.c}): reads the whole
 * prefilled hash map, through the typed {@link BpfHashMap#dumpAll()} (a map of decoded records)
 * and through the raw {@link RawMap#lookupBatch} with direct buffers reused from call to call,
 * in chunks of {@link #CHUNK} elements as the C harness does. The two ways alternate; two warm-up
 * rounds are not counted; figures are medians in milliseconds per dump.
 */
final class MapDumpBenchmark {
    /** Elements per batch call: the typed path's chunk, and the C harness's. */
    static final int CHUNK = 4096;

    /**
     * Median milliseconds per whole dump of each way, and the bytes each way allocated per element
     * (over one extra dump, after the JIT compiled it).
     */
    record Dumps(double typedMillis, double rawMillis, double typedBytesPerElement, double rawBytesPerElement) {
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final BpfHashMap<Long, MapOpsSkel.BenchValue> map;
    private final RawMap handle;
    private final int entries;
    private final int rounds;
    private final ByteBuffer cursor;
    private final ByteBuffer keys;
    private final ByteBuffer values;

    MapDumpBenchmark(PrefilledHashMap subject, int rounds) {
        this.map = subject.map();
        this.handle = map.raw();
        this.entries = subject.entries();
        this.rounds = rounds;
        this.cursor = direct(handle.batchCursorSize());
        this.keys = direct(handle.keySize() * CHUNK);
        this.values = direct(handle.valueBufferSize() * CHUNK);
    }

    Dumps run() {
        for (int i = 0; i < 3; i++) {
            timed(this::typedDump);
            timed(this::rawDump);
        }
        double[] typed = new double[rounds];
        double[] raw = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            typed[round] = timed(this::typedDump);
            raw[round] = timed(this::rawDump);
        }
        return new Dumps(Median.of(typed), Median.of(raw), allocated(this::typedDump), allocated(this::rawDump));
    }

    private int typedDump() {
        Map<Long, MapOpsSkel.BenchValue> all = map.dumpAll();
        return all.size();
    }

    private int rawDump() {
        int total = 0;
        ByteBuffer in = null;
        while (true) {
            BatchResult batch = handle.lookupBatch(in, cursor, keys, values, CHUNK);
            total += batch.count();
            if (batch.exhausted()) {
                return total;
            }
            in = cursor;
        }
    }

    /** Milliseconds for one dump; checks that it returned every element. */
    private double timed(Dump dump) {
        long start = System.nanoTime();
        int count = dump.run();
        double millis = (System.nanoTime() - start) / 1e6;
        if (count != entries) {
            throw new IllegalStateException("a dump of map '" + map.name() + "' returned " + count + " of "
                    + entries + " elements");
        }
        return millis;
    }

    /** Bytes this thread allocates per element of one dump. */
    private double allocated(Dump dump) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        int count = dump.run();
        return (double) (THREADS.getThreadAllocatedBytes(thread) - before) / count;
    }

    @FunctionalInterface
    private interface Dump {
        int run();
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }
}
