package io.bpf4j.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link BenchMain}:
 * {@code HARNESS_DIR OBJECT_DIR RESULTS_FILE [--only=SUITE,...] [--stream-events=N] [RECORDS [ROUNDS]]}.
 *
 * @param harnesses where the C harnesses were built
 * @param objects where the BPF objects were built
 * @param results the file the lines are appended to
 * @param suites the benchmark suites to run (all by default)
 * @param drainRecords the ring-buffer drain's sizes (10,000 and 400,000 by default)
 * @param rounds rounds per figure of the drain and map benchmarks (9 by default)
 * @param streamEvents getpid calls per round of the sustained stream (2,000,000 by default)
 */
record BenchOptions(Path harnesses, Path objects, Path results, Set<Suite> suites, List<Integer> drainRecords,
                    int rounds, long streamEvents) {

    /** The benchmark families, selectable with {@code --only}. */
    enum Suite {
        /** Draining a pre-filled ring buffer, and polling an empty one. */
        DRAIN,
        /** A producer calling getpid in a loop, a consumer draining every 10 ms. */
        STREAM,
        /** Hash-map lookup and update latency, and the batch dump of the whole map. */
        MAPS
    }

    static final String USAGE = "usage: BenchMain HARNESS_DIR OBJECT_DIR RESULTS_FILE"
            + " [--only=drain,stream,maps] [--stream-events=N] [RECORDS [ROUNDS]]";

    private static final List<Integer> DEFAULT_RECORDS = List.of(10_000, 400_000);
    private static final int DEFAULT_ROUNDS = 9;
    private static final long DEFAULT_STREAM_EVENTS = 2_000_000;

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException with {@link #USAGE} or the offending argument
     */
    static BenchOptions parse(String... args) {
        if (args.length < 3) {
            throw new IllegalArgumentException(USAGE);
        }
        Set<Suite> suites = EnumSet.allOf(Suite.class);
        long streamEvents = DEFAULT_STREAM_EVENTS;
        List<Integer> records = DEFAULT_RECORDS;
        int rounds = DEFAULT_ROUNDS;
        int positional = 0;
        for (int i = 3; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--only=")) {
                suites = EnumSet.noneOf(Suite.class);
                for (String name : arg.substring("--only=".length()).split(",")) {
                    suites.add(suite(name));
                }
            } else if (arg.startsWith("--stream-events=")) {
                streamEvents = positive(arg, arg.substring("--stream-events=".length()));
            } else if (positional == 0) {
                records = List.of((int) positive(arg, arg));
                positional++;
            } else if (positional == 1) {
                rounds = (int) positive(arg, arg);
                positional++;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + USAGE);
            }
        }
        return new BenchOptions(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), suites, records, rounds,
                streamEvents);
    }

    private static Suite suite(String name) {
        try {
            return Suite.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown benchmark suite '" + name + "' (drain, stream, maps)", e);
        }
    }

    private static long positive(String arg, String number) {
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + arg + "' is not a number; " + USAGE, e);
        }
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + arg + "' is not a positive int; " + USAGE);
        }
        return value;
    }
}
