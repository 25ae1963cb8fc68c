package io.bpf4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzz campaign: mutations of the corpus ({@link Mutator}) run through a {@link Target} in
 * batches, on a worker thread watched by a timer. Whatever the target says is a finding, anything
 * it throws (an {@link OutOfMemoryError} or {@link StackOverflowError} included) and any input
 * that takes longer than {@link #PER_INPUT} are findings; each is kept as a file for reproduction.
 *
 * <p>A batch runs under the budget of one input: when it takes longer, or throws, each of its
 * inputs runs again on its own, so a slow or failing input is always named by itself.
 *
 * <p>Findings are grouped by kind — the finding's text with its numbers, paths and quoted names
 * taken out — so one bug met a thousand times reads as one line with its count, and the first
 * {@value #KEPT_PER_KIND} inputs of each kind are kept.
 *
 * <p>The number of mutations comes from system property {@code bpf4j.fuzz.HARNESS.iterations},
 * else {@code bpf4j.fuzz.iterations}, else the harness's default (small, for the default suite);
 * the seed from {@code bpf4j.fuzz.seed} (default 1). Mutation {@code i} of seed {@code s} is the
 * same on every run. The summary goes to {@code target/fuzz-HARNESS.txt}, findings to
 * {@code target/fuzz-findings/HARNESS/}.
 */
public final class FuzzCampaign {
    /** The longest any single input may take. */
    public static final Duration PER_INPUT = Duration.ofSeconds(10);
    // Findings of one kind (see signature) are all counted; the first few are kept as files.
    private static final int MAX_FINDINGS = 2000;
    private static final int KEPT_PER_KIND = 10;
    // A hung worker cannot be stopped, only abandoned: after this many the campaign ends.
    private static final int MAX_ABANDONED_WORKERS = 3;

    /** One mutated input. */
    public record Mutant(int iteration, FuzzCorpus.Input original, Mutator.Strategy strategy, byte[] bytes) {
        /** For messages: {@code iteration 12 (BTF_STRUCTURE of p/zoo.bpf.o)}. */
        public String describe() {
            return "iteration " + iteration + " (" + strategy + " of " + original.name() + ")";
        }
    }

    /** What one input gave: an outcome to count, or a finding. */
    public record Verdict(String outcome, String finding) {
        /** An input handled as the SDK promises, counted under {@code outcome}. */
        public static Verdict of(String outcome) {
            return new Verdict(outcome, null);
        }

        /** An input the SDK mishandled, described. */
        public static Verdict finding(String description) {
            return new Verdict("finding", description);
        }

        public boolean isFinding() {
            return finding != null;
        }
    }

    /** Runs a batch through the code under test; one verdict per input, in order. */
    @FunctionalInterface
    public interface Target {
        List<Verdict> run(List<Mutant> batch) throws Exception;
    }

    /** The campaign's result. */
    public record Report(int mutations, List<String> findings, String text) {
    }

    private final String harness;
    private final int iterations;
    private final long seed;
    private final int batchSize;
    private final Path output;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, List<String>> findingsByKind = new TreeMap<>();

    private FuzzCampaign(String harness, int iterations, long seed, int batchSize, Path output) {
        this.harness = harness;
        this.iterations = iterations;
        this.seed = seed;
        this.batchSize = batchSize;
        this.output = output;
    }

    /**
     * A campaign for {@code harness}, sized by the system properties (see the class comment).
     *
     * @param defaultIterations the mutations when no property says otherwise
     * @param batchSize the inputs per batch
     */
    public static FuzzCampaign configured(String harness, int defaultIterations, int batchSize) {
        String iterations = System.getProperty("bpf4j.fuzz." + harness + ".iterations",
                System.getProperty("bpf4j.fuzz.iterations", Integer.toString(defaultIterations)));
        return new FuzzCampaign(harness, Integer.parseInt(iterations), Long.getLong("bpf4j.fuzz.seed", 1),
                batchSize, Path.of("target"));
    }

    /** Where the harness may keep files it needs between batches. */
    public Path workDirectory() throws IOException {
        return Files.createDirectories(output.resolve("fuzz-work").resolve(harness));
    }

    /** Adds {@code amount} to the counter {@code name}, reported at the end (e.g. sources compiled). */
    public void count(String name, long amount) {
        counters.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(amount);
    }

    /** Runs the campaign; the report lists every finding. */
    public Report run(List<FuzzCorpus.Input> corpus, Target target) throws IOException, InterruptedException {
        Mutator mutator = new Mutator(corpus);
        Map<Mutator.Strategy, Map<String, Integer>> outcomes = new EnumMap<>(Mutator.Strategy.class);
        List<String> findings = new ArrayList<>();
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long slowestBatch = 0;
        int done = 0;
        Worker worker = new Worker();
        try {
            for (int batchStart = 0; batchStart < iterations && findings.size() < MAX_FINDINGS
                    && worker.abandoned <= MAX_ABANDONED_WORKERS; batchStart += batchSize) {
                List<Mutant> batch = batch(corpus, mutator, batchStart);
                long began = System.nanoTime();
                List<Verdict> verdicts = worker.run(target, batch);
                slowestBatch = Math.max(slowestBatch, System.nanoTime() - began);
                if (verdicts == null && batch.size() > 1) {
                    count("batches run again input by input", 1);
                    verdicts = new ArrayList<>();
                    for (Mutant mutant : batch) {
                        List<Verdict> alone = worker.run(target, List.of(mutant));
                        verdicts.add(alone != null ? alone.get(0) : Verdict.finding(worker.failure));
                    }
                } else if (verdicts == null) {
                    verdicts = List.of(Verdict.finding(worker.failure));
                }
                for (int i = 0; i < batch.size(); i++) {
                    Mutant mutant = batch.get(i);
                    Verdict verdict = verdicts.get(i);
                    outcomes.computeIfAbsent(mutant.strategy(), s -> new TreeMap<>())
                            .merge(verdict.outcome(), 1, Integer::sum);
                    if (verdict.isFinding()) {
                        List<String> ofKind = findingsByKind.computeIfAbsent(kind(verdict.finding()),
                                k -> new ArrayList<>());
                        String finding = "seed " + seed + " " + mutant.describe() + ": " + verdict.finding()
                                + (ofKind.size() < KEPT_PER_KIND ? keep(mutant, verdict.finding()) : "");
                        ofKind.add(finding);
                        findings.add(finding);
                    }
                }
                done += batch.size();
            }
        } finally {
            worker.stop();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = report(corpus, done, outcomes, findings, took, Duration.ofNanos(slowestBatch), loadBefore);
        Files.createDirectories(output);
        Files.writeString(output.resolve("fuzz-" + harness + ".txt"), text);
        System.out.print(text);
        return new Report(done, List.copyOf(findings), text);
    }

    /** The mutations {@code first}, {@code first + 1}, ... of one corpus input, chosen for the batch. */
    private List<Mutant> batch(List<FuzzCorpus.Input> corpus, Mutator mutator, int first) {
        FuzzCorpus.Input input = corpus.get(new Random(seed * 1_000_003L - first).nextInt(corpus.size()));
        List<Mutant> batch = new ArrayList<>();
        for (int iteration = first; iteration < Math.min(iterations, first + batchSize); iteration++) {
            Random random = new Random(seed * 1_000_003L + iteration);
            Mutator.Strategy strategy = Mutator.Strategy.values()[random.nextInt(Mutator.Strategy.values().length)];
            batch.add(new Mutant(iteration, input, strategy, mutator.mutate(input, strategy, random)));
        }
        return batch;
    }

    /** Saves a finding's input and reason; returns where, for the message. */
    private String keep(Mutant mutant, String finding) throws IOException {
        Path dir = Files.createDirectories(output.resolve("fuzz-findings").resolve(harness));
        String name = "seed" + seed + "-iteration" + mutant.iteration();
        Path file = dir.resolve(name + (mutant.original().btfOnly() ? ".btf" : ".bpf.o"));
        Files.write(file, mutant.bytes());
        Files.writeString(dir.resolve(name + ".txt"), mutant.describe() + "\n" + finding + "\n");
        return " (input kept in " + file.toAbsolutePath() + ")";
    }

    private String report(List<FuzzCorpus.Input> corpus, int done, Map<Mutator.Strategy, Map<String, Integer>> outcomes,
                          List<String> findings, Duration took, Duration slowestBatch, String loadBefore) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s fuzz: %d mutations in batches of %d, seed %d, %d corpus inputs,"
                        + " %.1f s, slowest batch %d ms, load average %s before and %s after, %d findings%n",
                harness, done, batchSize, seed, corpus.size(), took.toMillis() / 1000.0, slowestBatch.toMillis(),
                loadBefore, loadAverage(), findings.size()));
        outcomes.forEach((strategy, counts) -> text.append(String.format(Locale.ROOT, "  %-17s %s%n", strategy,
                counts)));
        new TreeMap<>(counters).forEach((name, value) -> text.append("  ").append(name).append(": ")
                .append(value.get()).append('\n'));
        findingsByKind.forEach((kind, ofKind) -> {
            text.append("  FINDINGS of kind \"").append(kind).append("\": ").append(ofKind.size()).append('\n');
            ofKind.stream().limit(3).forEach(finding -> text.append("    ").append(finding).append('\n'));
        });
        corpus.forEach(input -> text.append("  input ").append(input.name()).append('\n'));
        return text.toString();
    }

    /** A finding without what varies between inputs that meet the same bug. */
    static String kind(String finding) {
        String kind = finding.replaceAll("(target|/)[^ :]*/", "")
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\{@code [^}]*}", "{@code …}")
                .replaceAll("\\d+", "#");
        return kind.length() > 160 ? kind.substring(0, 160) : kind;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /**
     * The thread the target runs on. A batch that does not end in time is left to its thread,
     * which is abandoned (a hung input cannot be stopped) and replaced.
     */
    private static final class Worker {
        private ExecutorService executor = newExecutor();
        private int abandoned;
        private String failure;

        /** The verdicts, or null with {@link #failure} saying why there are none. */
        List<Verdict> run(Target target, List<Mutant> batch) throws InterruptedException {
            Future<List<Verdict>> result = executor.submit(() -> target.run(batch));
            try {
                List<Verdict> verdicts = result.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
                if (verdicts.size() != batch.size()) {
                    throw new IllegalStateException("the target gave " + verdicts.size() + " verdicts for "
                            + batch.size() + " inputs");
                }
                return verdicts;
            } catch (TimeoutException hang) {
                failure = "no result after " + PER_INPUT.toSeconds() + " s";
                executor.shutdownNow();
                abandoned++;
                executor = newExecutor();
                return null;
            } catch (ExecutionException thrown) {
                failure = "threw " + thrown.getCause() + " at " + where(thrown.getCause());
                return null;
            }
        }

        void stop() {
            executor.shutdownNow();
        }

        private static String where(Throwable thrown) {
            StackTraceElement[] trace = thrown.getStackTrace();
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < Math.min(6, trace.length); i++) {
                frames.append(i == 0 ? "" : " < ").append(trace[i]);
            }
            return frames.toString();
        }

        private static ExecutorService newExecutor() {
            return Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fuzz-worker");
                thread.setDaemon(true); // a hung input must not keep the test JVM alive
                return thread;
            });
        }
    }
}
