package io.bpf4j.bench;

import io.bpf4j.Kernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The map suite: {@code map_ops} (C) beside {@link MapLatencyBenchmark} and {@link MapDumpBenchmark}
 * (Java) on a prefilled 100,000-entry hash map; returns their lines.
 */
final class MapSuite {
    private static final int ENTRIES = 100_000;
    private static final int OPS_PER_ROUND = 200_000;

    private MapSuite() {
    }

    static List<String> run(Kernel kernel, BenchOptions options)
            throws IOException, InterruptedException {
        Path object = options.objects().resolve("io/bpf4j/bench/map_ops.bpf.o");
        int rounds = options.rounds();
        List<String> figures = List.of("lookup_ns", "update_ns", "dump_ms");
        String[] arguments = {object.toString(), Integer.toString(ENTRIES), Integer.toString(OPS_PER_ROUND),
            Integer.toString(rounds)};
        Path harness = options.harnesses().resolve("map_ops");
        Map<String, Double> cBefore = CHarness.run(harness, figures, arguments);
        MapLatencyBenchmark.Latencies latency;
        MapDumpBenchmark.Dumps dumps;
        try (PrefilledHashMap subject = PrefilledHashMap.load(kernel, ENTRIES)) {
            latency = new MapLatencyBenchmark(subject, OPS_PER_ROUND, rounds).run();
            dumps = new MapDumpBenchmark(subject, rounds).run();
        }
        // Each operation is mostly the system call, whose cost drifts with the machine's load over
        // seconds: C runs before and after Java, and the mean of both is what Java is compared to.
        Map<String, Double> cAfter = CHarness.run(harness, figures, arguments);
        Map<String, Double> c = new HashMap<>();
        figures.forEach(name -> c.put(name, (cBefore.get(name) + cAfter.get(name)) / 2));
        String size = "_" + ENTRIES / 1000 + "k";
        String perOp = "ns/op (hash, u32 -> 64 B, " + ENTRIES + " entries)";
        double lookup = c.get("lookup_ns");
        double update = c.get("update_ns");
        double dump = c.get("dump_ms");
        return List.of(
                new BenchResult("map_lookup_typed", latency.typedLookup(), lookup, perOp + " BpfHashMap.get").line(),
                new BenchResult("map_lookup_raw", latency.rawLookup(), lookup, perOp + " RawMap.lookup").line(),
                new BenchResult("map_update_typed", latency.typedUpdate(), update, perOp + " BpfHashMap.put").line(),
                new BenchResult("map_update_raw", latency.rawUpdate(), update, perOp + " RawMap.update").line(),
                new BenchResult("map_dump_typed" + size, dumps.typedMillis(), dump,
                        "ms/dump (BpfHashMap.dumpAll vs bpf_map_lookup_batch, " + MapDumpBenchmark.CHUNK
                                + " per call)").line(),
                new BenchResult("map_dump_raw" + size, dumps.rawMillis(), dump,
                        "ms/dump (RawMap.lookupBatch, reused buffers)").line(),
                BenchResult.allocationLine("map_alloc_lookup_typed", latency.typedLookupBytes(), "B/op"),
                BenchResult.allocationLine("map_alloc_lookup_raw", latency.rawLookupBytes(), "B/op"),
                BenchResult.allocationLine("map_alloc_update_typed", latency.typedUpdateBytes(), "B/op"),
                BenchResult.allocationLine("map_alloc_update_raw", latency.rawUpdateBytes(), "B/op"),
                BenchResult.allocationLine("map_alloc_dump_typed" + size, dumps.typedBytesPerElement(), "B/element"),
                BenchResult.allocationLine("map_alloc_dump_raw" + size, dumps.rawBytesPerElement(), "B/element"));
    }
}
