package io.bpf4j.bench;

import io.bpf4j.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code ./bpf4j bench}: runs each benchmark's Java path and its libbpf C harness in one run, on
 * the same BPF object, prints one line per benchmark ({@code name java=… c=… ratio=… unit}) and
 * appends the lines to a results file. Needs root (it loads and attaches BPF programs).
 *
 * <p>usage: see {@link BenchOptions}. The suites: the ring-buffer drain (with 10,000 queued records,
 * 720 KB resident in the CPU caches, and 400,000, 29 MB drained from memory, unless RECORDS is
 * given), the sustained stream, and the hash-map operations (lookup, update, batch dump).
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the benchmarks; exits with status 1 and the reason on failure, 2 on wrong usage. */
    public static void main(String[] args) throws InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            append(options.results(), List.of("# bpf4j bench " + LocalDateTime.now() + ": " + options.suites()
                    + ", median of " + options.rounds() + " rounds (stream: " + StreamSuite.ROUNDS + ")"));
            Kernel kernel = Kernel.system();
            if (options.suites().contains(BenchOptions.Suite.DRAIN)) {
                for (int records : options.drainRecords()) {
                    report(options, DrainSuite.run(kernel, options, records));
                }
            }
            if (options.suites().contains(BenchOptions.Suite.STREAM)) {
                report(options, StreamSuite.run(kernel, options));
            }
            if (options.suites().contains(BenchOptions.Suite.MAPS)) {
                report(options, MapSuite.run(kernel, options));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("bpf4j bench: " + e);
            System.exit(1);
        }
    }

    /** Prints the lines and appends them to the results file, so a later failure keeps them. */
    private static void report(BenchOptions options, List<String> lines) throws IOException {
        lines.forEach(System.out::println);
        append(options.results(), lines);
    }

    private static void append(Path results, List<String> lines) throws IOException {
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }


}
