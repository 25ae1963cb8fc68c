package io.bpf4j.bench;

import io.bpf4j.Kernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The ring-buffer drain suite: {@code ringbuf_drain} (C) beside {@link RingBufferDrainBenchmark}
 * (Java) for one number of queued records; returns its lines.
 */
final class DrainSuite {
    private static final String C_RATE = "records_per_second";
    private static final String C_EMPTY = "empty_consume_ns";

    private DrainSuite() {
    }

    static List<String> run(Kernel kernel, BenchOptions options, int records)
            throws IOException, InterruptedException {
        Path object = options.objects().resolve("io/bpf4j/bench/ringbuf_drain.bpf.o");
        Map<String, Double> c = CHarness.run(options.harnesses().resolve("ringbuf_drain"), List.of(C_RATE, C_EMPTY),
                object.toString(), Integer.toString(records), Integer.toString(options.rounds()));
        RingBufferDrainBenchmark.Rates java = new RingBufferDrainBenchmark(kernel, records, options.rounds()).run();
        String suffix = records % 1000 == 0 ? "_" + records / 1000 + "k" : "_" + records;
        double cRate = c.get(C_RATE) / 1e6;
        // Allocation has no C counterpart: libbpf hands out pointers into the ring.
        return List.of(
                new BenchResult("ringbuf_drain_view" + suffix, java.view() / 1e6, cRate, "M records/s").line(),
                new BenchResult("ringbuf_drain_typed" + suffix, java.typed() / 1e6, cRate, "M records/s").line(),
                new BenchResult("ringbuf_empty_poll" + suffix, java.emptyPollNanos(), c.get(C_EMPTY),
                        "ns/poll (pollViews(ZERO) vs ring_buffer__consume)").line(),
                BenchResult.allocationLine("ringbuf_alloc_view" + suffix, java.viewBytesPerRecord(), "B/record"),
                BenchResult.allocationLine("ringbuf_alloc_typed" + suffix, java.typedBytesPerRecord(), "B/record"));
    }
}
