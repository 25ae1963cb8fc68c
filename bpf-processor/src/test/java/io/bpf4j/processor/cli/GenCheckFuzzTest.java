package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.fuzz.FuzzCampaign;
import io.bpf4j.fuzz.FuzzCorpus;
import io.bpf4j.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@code bpf4j gen --check}: mutations of every object the build wrote (plus the objects of
 * {@code -Dbpf4j.fuzz.corpus=DIR}) go through {@link GenerateCommand} with {@code --check}, many
 * objects per run as the command allows, and each must end in one line: its skeleton, compiled
 * against bpf-api, or the SDK's own error. Anything else is a finding: an exception out of the
 * command, an internal error of the processor, a skeleton that does not compile, a line that is not
 * safe to print, an input taking more than 10 s.
 *
 * <p>Compiling 100,000 skeletons one javac run each would take a day, and most mutations leave
 * the skeleton as it was (they hit code, debug info, or values the generator does not use). So the
 * check compiles each distinct source once: sources are compared by SHA-256 once the object's own
 * name (which differs per slot of a batch) is replaced by a placeholder, and a source identical to
 * one compiled before is given that one's result, and counted. The report gives both numbers.
 *
 * <pre>
 * mvn -B -o test -pl bpf-api,bpf-processor -am -Dtest=GenCheckFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbpf4j.fuzz.gen.iterations=100000 [-Dbpf4j.fuzz.corpus=DIR] [-Dbpf4j.fuzz.seed=1]
 * </pre>
 */
class GenCheckFuzzTest {
    private static final int DEFAULT_ITERATIONS = 120;
    private static final int BATCH = 20;
    private static final String PACKAGE = "fuzz";
    private static final Pattern SLOT = Pattern.compile("(?i)fuzz\\d{7}");
    private static final Pattern UNBOUND = Pattern.compile("ring buffer '([A-Za-z_][A-Za-z0-9_]*)' has no record type");

    private final FuzzCampaign campaign = FuzzCampaign.configured("gen", DEFAULT_ITERATIONS, BATCH);
    private final Map<String, List<String>> compiled = new ConcurrentHashMap<>();

    @Test
    void everyMutationIsASkeletonThatCompilesOrOneErrorLine() throws Exception {
        List<FuzzCorpus.Input> corpus = FuzzCorpus.objects(FuzzCorpus.repositoryRoot());
        assertThat(corpus).as("objects to mutate").isNotEmpty();
        Path work = campaign.workDirectory();
        Map<String, List<String>> bindings = new ConcurrentHashMap<>();

        FuzzCampaign.Report report = campaign.run(corpus, batch -> {
            List<String> events = bindings.computeIfAbsent(batch.get(0).original().name(),
                    name -> rawBindings(work, batch.get(0).original().bytes()));
            List<Path> files = new ArrayList<>();
            for (int slot = 0; slot < batch.size(); slot++) {
                files.add(Files.write(work.resolve(slotName(slot) + ".bpf.o"), batch.get(slot).bytes()));
            }
            Map<Path, String> lines = gen(work, events, files);
            List<FuzzCampaign.Verdict> verdicts = new ArrayList<>();
            for (Path file : files) {
                verdicts.add(verdict(lines.get(file)));
            }
            return verdicts;
        });

        assertThat(report.findings()).as("mutations gen --check mishandled").isEmpty();
    }

    /** The verdict on an object's line of output. */
    private static FuzzCampaign.Verdict verdict(String line) {
        if (line == null) {
            return FuzzCampaign.Verdict.finding("gen printed no line for the object");
        }
        if (!Printable.escape(line).equals(line.replace("\\", "\\\\"))) {
            return FuzzCampaign.Verdict.finding("a line that is not safe to print: " + Printable.escape(line));
        }
        String doesNotCompile = " does not compile against bpf-api: ";
        if (line.contains(doesNotCompile)) {
            return FuzzCampaign.Verdict.finding("the skeleton does not compile: "
                    + line.substring(line.indexOf(doesNotCompile) + doesNotCompile.length()));
        }
        if (line.contains("internal error")) {
            return FuzzCampaign.Verdict.finding(line);
        }
        return FuzzCampaign.Verdict.of(line.endsWith(" (compiles)") ? "compiled" : "rejected");
    }

    /**
     * Runs {@code bpf4j gen --check} over {@code files}; returns each file's line (an object that
     * failed has its first error line).
     */
    private Map<Path, String> gen(Path work, List<String> events, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("--package", PACKAGE, "--out", work.resolve("src").toString(),
                "--check"));
        for (String map : events) {
            args.add("--event");
            args.add(map + "=" + GenerateOptions.RAW);
        }
        files.forEach(file -> args.add(file.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), MemoizedCheck::new,
                args.toArray(String[]::new));
        Map<Path, String> lines = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            for (Path file : files) {
                String prefix = "bpf4j gen: " + file;
                if (line.startsWith(prefix + ": ") || line.startsWith(prefix + " -> ")) {
                    lines.putIfAbsent(file, line);
                }
            }
        }
        return lines;
    }

    /** The ring buffers of the unmutated object that need {@code --event MAP=:raw} to generate at all. */
    private List<String> rawBindings(Path work, byte[] object) {
        List<String> events = new ArrayList<>();
        try {
            Path file = Files.write(work.resolve("original.bpf.o"), object);
            for (int attempt = 0; attempt < 8; attempt++) {
                String line = gen(work, events, List.of(file)).getOrDefault(file, "");
                Matcher unbound = UNBOUND.matcher(line);
                if (!unbound.find()) {
                    break;
                }
                events.add(unbound.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the object to " + work, e);
        }
        return events;
    }

    private static String slotName(int slot) {
        return String.format("fuzz%07d", slot);
    }

    /**
     * gen's compile check, compiling each distinct source once: a source equal to one compiled
     * before, but for the slot's name, has that one's errors.
     */
    private final class MemoizedCheck extends CompileCheck {
        MemoizedCheck(String classPath) {
            super(classPath);
        }

        @Override
        List<String> errors(Map<String, String> sources) {
            StringBuilder key = new StringBuilder();
            sources.forEach((name, text) -> key.append(SLOT.matcher(name + '\0' + text).replaceAll("fuzzslot")));
            String digest = sha256(key.toString());
            List<String> known = compiled.get(digest);
            if (known != null) {
                campaign.count("sources identical to one compiled before", 1);
                return known;
            }
            List<String> errors = super.errors(sources);
            campaign.count("distinct sources compiled", 1);
            compiled.put(digest, errors);
            return errors;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
