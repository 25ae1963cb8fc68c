package io.bpf4j.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.fuzz.FuzzCampaign;
import io.bpf4j.fuzz.FuzzCorpus;
import io.bpf4j.text.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the annotation processor the way a build runs it: javac compiles types annotated with
 * {@code @BpfSkeleton} naming mutated objects (found through {@code -Abpf4j.objectDirs}, by
 * {@link ObjectLocator}), the processor generates their skeletons and javac compiles those too,
 * with the project's lint options. Each annotated type must end with its skeleton compiled, or
 * with the processor's own error on the annotation. A finding is anything else: an exception out
 * of javac, an internal error of the processor, an error in a generated skeleton, a message that
 * is not safe to print, an input taking more than 10 s. Lint warnings in generated code are
 * counted, by message, in the report.
 *
 * <pre>
 * mvn -B -o test -pl bpf-api,bpf-processor -am -Dtest=ProcessorFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbpf4j.fuzz.processor.iterations=10000 [-Dbpf4j.fuzz.corpus=DIR] [-Dbpf4j.fuzz.seed=1]
 * </pre>
 */
class ProcessorFuzzTest {
    private static final int DEFAULT_ITERATIONS = 30;
    private static final int BATCH = 10;
    private static final String PACKAGE = "fuzz";
    private static final Pattern UNBOUND = Pattern.compile("ring buffer '([A-Za-z_][A-Za-z0-9_]*)' has no record type");

    private final FuzzCampaign campaign = FuzzCampaign.configured("processor", DEFAULT_ITERATIONS, BATCH);

    @Test
    void everyAnnotatedTypeGetsASkeletonThatCompilesOrOneError() throws Exception {
        List<FuzzCorpus.Input> corpus = FuzzCorpus.objects(FuzzCorpus.repositoryRoot());
        assertThat(corpus).as("objects to mutate").isNotEmpty();
        Path work = campaign.workDirectory();
        Path objects = Files.createDirectories(work.resolve(PACKAGE));
        Map<String, List<String>> bindings = new ConcurrentHashMap<>();

        FuzzCampaign.Report report = campaign.run(corpus, batch -> {
            List<String> events = bindings.computeIfAbsent(batch.get(0).original().name(),
                    name -> rawBindings(work, objects, batch.get(0).original().bytes()));
            List<String> slots = new ArrayList<>();
            for (int slot = 0; slot < batch.size(); slot++) {
                slots.add(String.format("Fuzz%07d", slot));
                Files.write(objects.resolve(objectName(slots.get(slot))), batch.get(slot).bytes());
            }
            return verdicts(slots, compile(work, slots, events));
        });

        assertThat(report.findings()).as("mutations the processor mishandled").isEmpty();
    }

    /** javac with the processor over one annotated type per slot, each naming its slot's object. */
    private static Compilation compile(Path work, List<String> slots, List<String> events) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String slot : slots) {
            StringBuilder annotation = new StringBuilder("@io.bpf4j.BpfSkeleton(value = \"")
                    .append(objectName(slot)).append('"');
            if (!events.isEmpty()) {
                annotation.append(", events = {");
                for (int i = 0; i < events.size(); i++) {
                    annotation.append(i == 0 ? "" : ", ").append("@io.bpf4j.BpfSkeleton.EventType(map = \"")
                            .append(events.get(i)).append("\", raw = true)");
                }
                annotation.append('}');
            }
            annotation.append(')');
            sources.add(JavaFileObjects.forSourceLines(PACKAGE + "." + slot, "package " + PACKAGE + ";",
                    annotation.toString(), "final class " + slot + " {}"));
        }
        return javac()
                .withProcessors(new SkeletonProcessor())
                .withOptions("-Xlint:all,-processing", "-A" + ObjectLocator.OBJECT_DIRS + "=" + work)
                .compile(sources);
    }

    /** One verdict per slot from javac's diagnostics. */
    private List<FuzzCampaign.Verdict> verdicts(List<String> slots, Compilation compilation) {
        List<String> findings = new ArrayList<>();
        List<Boolean> rejected = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            findings.add(null);
            rejected.add(false);
        }
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            String message = diagnostic.getMessage(Locale.ROOT);
            String file = diagnostic.getSource() == null ? "" : diagnostic.getSource().toUri().getPath();
            int slot = slotOf(slots, file);
            boolean generated = file.endsWith("Skel.java");
            if (diagnostic.getKind() == Diagnostic.Kind.WARNING && generated) {
                campaign.count("lint warnings in generated code: " + firstLine(message), 1);
                continue;
            }
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String finding = null;
            if (slot < 0) {
                finding = "an error on no annotated type: " + Printable.escape(message);
            } else if (generated) {
                finding = "the skeleton does not compile: line " + diagnostic.getLineNumber() + ": "
                        + Printable.escape(firstLine(message));
            } else if (!message.startsWith("bpf4j: ") || message.contains("internal error")) {
                finding = Printable.escape(message);
            } else if (!Printable.escape(message).equals(message.replace("\\", "\\\\"))) {
                finding = "a message that is not safe to print: " + Printable.escape(message);
            }
            if (finding != null) {
                for (int i = 0; i < slots.size(); i++) {
                    if ((slot < 0 || slot == i) && findings.get(i) == null) {
                        findings.set(i, finding);
                    }
                }
            } else {
                rejected.set(slot, true);
            }
        }
        List<FuzzCampaign.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            verdicts.add(findings.get(i) != null ? FuzzCampaign.Verdict.finding(findings.get(i))
                    : FuzzCampaign.Verdict.of(rejected.get(i) ? "rejected" : "compiled"));
        }
        return verdicts;
    }

    /** The slot whose annotated type or skeleton {@code file} is, or -1. */
    private static int slotOf(List<String> slots, String file) {
        for (int i = 0; i < slots.size(); i++) {
            if (file.endsWith("/" + slots.get(i) + ".java") || file.endsWith("/" + slots.get(i) + "Skel.java")) {
                return i;
            }
        }
        return -1;
    }

    /** The ring buffers of the unmutated object that need a raw binding to generate at all. */
    private static List<String> rawBindings(Path work, Path objects, byte[] object) {
        List<String> events = new ArrayList<>();
        try {
            Files.write(objects.resolve(objectName("Original")), object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the object to " + objects, e);
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            String unbound = null;
            for (Diagnostic<? extends JavaFileObject> error : compile(work, List.of("Original"), events).errors()) {
                Matcher matcher = UNBOUND.matcher(error.getMessage(Locale.ROOT));
                if (matcher.find()) {
                    unbound = matcher.group(1);
                }
            }
            if (unbound == null) {
                break;
            }
            events.add(unbound);
        }
        return events;
    }

    private static String objectName(String slot) {
        return slot.toLowerCase(Locale.ROOT) + ".bpf.o";
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
