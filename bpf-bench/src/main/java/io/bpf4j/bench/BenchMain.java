package io.bpf4j.bench;

import io.bpf4j.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./bpf4j bench}: runs each benchmark's Java path and its libbpf C harness in one run, on
 * the same BPF object, prints one line per benchmark ({@code name java=… c=… ratio=…}) and writes
 * the lines to a results file. Needs root (it loads and attaches BPF programs).
 *
 * <p>usage: {@code BenchMain HARNESS_DIR OBJECT_DIR RESULTS_FILE [RECORDS [ROUNDS]]}. Without
 * RECORDS the drain runs twice: with 10,000 queued records (720 KB, resident in the CPU caches)
 * and with 400,000 (29 MB, drained from memory), the figure the project's C baseline quotes.
 */
public final class BenchMain {
    private static final List<Integer> DEFAULT_RECORDS = List.of(10_000, 400_000);
    private static final int DEFAULT_ROUNDS = 9;
    private static final String C_RATE = "records_per_second";
    private static final String C_EMPTY = "empty_consume_ns";

    private BenchMain() {
    }

    /** Runs the benchmarks; exits with status 1 and the reason on failure, 2 on wrong usage. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: BenchMain HARNESS_DIR OBJECT_DIR RESULTS_FILE [RECORDS [ROUNDS]]");
            System.exit(2);
        }
        Path harnesses = Path.of(args[0]);
        Path objects = Path.of(args[1]);
        Path results = Path.of(args[2]);
        List<Integer> recordCounts = args.length > 3 ? List.of(Integer.parseInt(args[3])) : DEFAULT_RECORDS;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : DEFAULT_ROUNDS;
        try {
            StringBuilder text = new StringBuilder("# bpf4j bench " + LocalDateTime.now()
                    + ": 64-byte records, BPF_RB_NO_WAKEUP, median of " + rounds + " rounds\n");
            for (int records : recordCounts) {
                for (String line : ringBufferDrain(harnesses, objects, records, rounds)) {
                    System.out.println(line);
                    text.append(line).append('\n');
                }
            }
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, text);
        } catch (IOException | RuntimeException e) {
            System.err.println("bpf4j bench: " + e);
            System.exit(1);
        }
    }

    private static List<String> ringBufferDrain(Path harnesses, Path objects, int records, int rounds)
            throws IOException, InterruptedException {
        Path object = objects.resolve("io/bpf4j/bench/ringbuf_drain.bpf.o");
        Map<String, Double> c = CHarness.run(harnesses.resolve("ringbuf_drain"), List.of(C_RATE, C_EMPTY),
                object.toString(), Integer.toString(records), Integer.toString(rounds));
        RingBufferDrainBenchmark.Rates java =
                new RingBufferDrainBenchmark(Kernels.defaultBackend(), records, rounds).run();
        String suffix = records % 1000 == 0 ? "_" + records / 1000 + "k" : "_" + records;
        double cRate = c.get(C_RATE) / 1e6;
        // Allocation has no C counterpart: libbpf hands out pointers into the ring.
        return List.of(
                new BenchResult("ringbuf_drain_view" + suffix, java.view() / 1e6, cRate, "M records/s").line(),
                new BenchResult("ringbuf_drain_typed" + suffix, java.typed() / 1e6, cRate, "M records/s").line(),
                new BenchResult("ringbuf_empty_poll" + suffix, java.emptyPollNanos(), c.get(C_EMPTY),
                        "ns/poll (pollViews(ZERO) vs ring_buffer__consume)").line(),
                String.format(Locale.ROOT, "ringbuf_alloc_view%s java=%.2f c=0 B/record", suffix,
                        java.viewBytesPerRecord()),
                String.format(Locale.ROOT, "ringbuf_alloc_typed%s java=%.2f c=0 B/record", suffix,
                        java.typedBytesPerRecord()));
    }
}
