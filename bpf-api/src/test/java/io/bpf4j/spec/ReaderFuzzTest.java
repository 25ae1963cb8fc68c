package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fuzz run of the ELF, BTF and object-spec readers, outside the default suite (which
 * runs a few thousand mutations in {@link MalformedObjectTest}). Every object the build wrote is
 * mutated — bit flips, interesting bytes and boundary values, truncation, header fields spliced
 * from other objects, and stacks of these — and every reader must end in its checked exception
 * or succeed, never throw anything else and never hang.
 *
 * <p>Run it after a build, so every module's objects exist:
 * <pre>
 * mvn -B -o install -DskipTests
 * mvn -B -o test -pl bpf-api -Dtest=ReaderFuzzTest -Dbpf4j.fuzz.iterations=100000 [-Dbpf4j.fuzz.seed=1]
 * </pre>
 * The summary goes to {@code target/fuzz-report.txt}; failing inputs are kept in
 * {@code target/fuzz-failures/} with the seed and iteration that reproduce them.
 */
class ReaderFuzzTest {
    private static final String ITERATIONS = "bpf4j.fuzz.iterations";
    private static final Duration PER_INPUT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_FAILURES = 20;
    private static final Path OUTPUT = Path.of("target");

    private enum Outcome { PARSED, REJECTED }

    @Test
    @EnabledIfSystemProperty(named = ITERATIONS, matches = "\\d+")
    void mutatedObjectsEndInACheckedExceptionOrParse() throws Exception {
        int iterations = Integer.parseInt(System.getProperty(ITERATIONS));
        long seed = Long.getLong("bpf4j.fuzz.seed", 1);
        String root = System.getenv("BPF4J_REPO_ROOT");
        List<FuzzCorpus.Input> corpus = FuzzCorpus.load(root == null ? null : Path.of(root));
        assertThat(corpus).as("objects to mutate").isNotEmpty();
        ObjectMutator mutator = new ObjectMutator(corpus);

        Map<ObjectMutator.Strategy, int[]> outcomes = new EnumMap<>(ObjectMutator.Strategy.class);
        List<String> failures = new ArrayList<>();
        long slowestNanos = 0;
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzz-worker");
            thread.setDaemon(true); // a hung input must not keep the test JVM alive
            return thread;
        });
        try {
            for (int iteration = 0; iteration < iterations && failures.size() < MAX_FAILURES; iteration++) {
                Random random = new Random(seed * 1_000_003L + iteration);
                FuzzCorpus.Input input = corpus.get(random.nextInt(corpus.size()));
                ObjectMutator.Strategy strategy =
                        ObjectMutator.Strategy.values()[random.nextInt(ObjectMutator.Strategy.values().length)];
                byte[] mutated = mutator.mutate(input, strategy, random);
                long submitted = System.nanoTime();
                Future<Outcome> result = worker.submit(() -> read(input, mutated));
                String what = "seed " + seed + " iteration " + iteration + " (" + strategy + " of " + input.name() + ")";
                try {
                    Outcome outcome = result.get(PER_INPUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    slowestNanos = Math.max(slowestNanos, System.nanoTime() - submitted);
                    outcomes.computeIfAbsent(strategy, s -> new int[Outcome.values().length])[outcome.ordinal()]++;
                } catch (TimeoutException hang) {
                    failures.add(what + ": no result after " + PER_INPUT_TIMEOUT.toSeconds() + " s"
                            + keep(mutated, seed, iteration));
                    break; // the worker is stuck on this input
                } catch (ExecutionException unexpected) {
                    failures.add(what + ": " + unexpected.getCause() + keep(mutated, seed, iteration));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report(corpus, iterations, seed, outcomes, failures, took, Duration.ofNanos(slowestNanos));
        assertThat(failures).as("inputs that ended in something else than a reader's checked exception").isEmpty();
    }

    /** Runs the readers that apply to the input; any exception but theirs escapes. */
    private static Outcome read(FuzzCorpus.Input input, byte[] bytes) {
        try {
            if (input.btfOnly()) {
                queryAll(Btf.parse(ByteBuffer.wrap(bytes)));
            } else {
                ElfFile.parse(bytes);
                queryAll(ObjectSpec.read(input.name(), bytes));
            }
            return Outcome.PARSED;
        } catch (ElfFormatException | BtfFormatException | SpecException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a reader exception without a message", expected);
            }
            return Outcome.REJECTED;
        }
    }

    /** Every query a parsed result offers, so lazily computed paths see the damage too. */
    private static void queryAll(ObjectSpec spec) {
        queryAll(spec.btf());
        spec.maps().forEach(map -> spec.map(map.name()));
        spec.programs().forEach(program -> SectionName.parse(program.sectionName()));
        spec.dataSections().forEach(section -> spec.dataSection(section.name()));
    }

    private static void queryAll(Btf btf) {
        for (BtfType type : btf.types()) {
            btf.resolve(type.id());
            try {
                btf.sizeOf(type.id());
                btf.alignOf(type.id());
            } catch (IllegalArgumentException documented) {
                // Documented for types without a size or alignment: it must still explain itself.
                assertThat(documented.getMessage()).as("message for " + type.describe()).isNotBlank();
            }
        }
    }

    /** Saves a failing input for reproduction; returns where, for the message. */
    private static String keep(byte[] input, long seed, int iteration) throws IOException {
        Path dir = Files.createDirectories(OUTPUT.resolve("fuzz-failures"));
        Path file = dir.resolve("seed" + seed + "-iteration" + iteration + ".bin");
        Files.write(file, input);
        return " (input kept in " + file.toAbsolutePath() + ")";
    }

    private static void report(List<FuzzCorpus.Input> corpus, int iterations, long seed,
                               Map<ObjectMutator.Strategy, int[]> outcomes, List<String> failures, Duration took,
                               Duration slowest) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.format("reader fuzz: %d mutations, seed %d, %d inputs (%d objects and their .BTF), %.1f s,"
                        + " slowest input %d ms, %d failures%n", iterations, seed, corpus.size(), corpus.size() / 2,
                took.toMillis() / 1000.0, slowest.toMillis(), failures.size()));
        outcomes.forEach((strategy, counts) -> text.append(String.format("  %-17s parsed %7d  rejected %7d%n",
                strategy, counts[Outcome.PARSED.ordinal()], counts[Outcome.REJECTED.ordinal()])));
        failures.forEach(failure -> text.append("  FAILED ").append(failure).append('\n'));
        corpus.stream().filter(input -> !input.btfOnly()).forEach(input -> text.append("  object ").append(input.name()).append('\n'));
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("fuzz-report.txt"), text);
        System.out.print(text);
    }
}
