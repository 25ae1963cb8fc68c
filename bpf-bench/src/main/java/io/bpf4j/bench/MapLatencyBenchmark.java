package io.bpf4j.bench;

import com.sun.management.ThreadMXBean;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.RawMap;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;

/**
 * The Java side of the map-operation latency benchmark (the C side is {@code map_ops.c}): per
 * round, {@code ops} lookups and {@code ops} updates ({@code BPF_ANY}, existing keys) on the
 * prefilled hash map, in the C harness's key order, through the typed {@link BpfHashMap}
 * ({@code get}/{@code put}) and through the raw {@link RawMap} with direct buffers reused
 * from call to call. The four ways alternate within each round; one warm-up round is not
 * counted; figures are medians in nanoseconds per operation.
 */
final class MapLatencyBenchmark {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Median nanoseconds per operation of each way, and the bytes each way allocated per
     * operation (over one extra round, after the JIT compiled it).
     */
    record Latencies(double typedLookup, double rawLookup, double typedUpdate, double rawUpdate,
                     double typedLookupBytes, double rawLookupBytes, double typedUpdateBytes, double rawUpdateBytes) {
    }

    private final BpfHashMap<Long, MapOpsSkel.BenchValue> map;
    private final RawMap handle;
    private final int entries;
    private final int ops;
    private final int rounds;
    private final ByteBuffer rawKey = direct(Integer.BYTES);
    private final ByteBuffer rawValue;
    // One value written over and over (as the C harness does): its encoding is part of the typed cost.
    private final MapOpsSkel.BenchValue typedValue = new MapOpsSkel.BenchValue(new long[8]);
    private long sink; // what the lookups read, so the JIT cannot drop them

    MapLatencyBenchmark(PrefilledHashMap subject, int ops, int rounds) {
        this.map = subject.map();
        this.handle = map.raw();
        this.entries = subject.entries();
        this.ops = ops;
        this.rounds = rounds;
        this.rawValue = direct(handle.valueSize());
    }

    Latencies run() {
        for (int i = 0; i < 2; i++) { // warm-up, ~2 × 4 × ops calls: enough for C2
            timed(this::typedLookups);
            timed(this::rawLookups);
            timed(this::typedUpdates);
            timed(this::rawUpdates);
        }
        double[][] nanos = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            nanos[0][round] = timed(this::typedLookups);
            nanos[1][round] = timed(this::rawLookups);
            nanos[2][round] = timed(this::typedUpdates);
            nanos[3][round] = timed(this::rawUpdates);
        }
        return new Latencies(Median.of(nanos[0]), Median.of(nanos[1]), Median.of(nanos[2]), Median.of(nanos[3]),
                allocated(this::typedLookups), allocated(this::rawLookups), allocated(this::typedUpdates),
                allocated(this::rawUpdates));
    }

    private long typedLookups() {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long key = PrefilledHashMap.keyAt(i, entries);
            sum += map.get(key).orElseThrow(() -> new IllegalStateException("key " + key + " is missing"))
                    .words()[0];
        }
        return sum;
    }

    private long rawLookups() {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            int key = PrefilledHashMap.keyAt(i, entries);
            rawKey.putInt(0, key);
            if (!handle.lookup(rawKey, rawValue)) {
                throw new IllegalStateException("key " + key + " is missing");
            }
            sum += rawValue.getLong(0);
        }
        return sum;
    }

    private long typedUpdates() {
        for (int i = 0; i < ops; i++) {
            map.put((long) PrefilledHashMap.keyAt(i, entries), typedValue);
        }
        return ops;
    }

    private long rawUpdates() {
        for (int i = 0; i < ops; i++) {
            rawKey.putInt(0, PrefilledHashMap.keyAt(i, entries));
            handle.update(rawKey, rawValue, 0);
        }
        return ops;
    }

    /** Nanoseconds per operation of one batch of {@code ops} operations. */
    private double timed(LongSupplier operations) {
        long start = System.nanoTime();
        sink += operations.getAsLong();
        return (double) (System.nanoTime() - start) / ops;
    }

    /** Bytes this thread allocates per operation. */
    private double allocated(LongSupplier operations) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        sink += operations.getAsLong();
        return (double) (THREADS.getThreadAllocatedBytes(thread) - before) / ops;
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }
}
