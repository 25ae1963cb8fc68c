package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.BpfSkeleton;
import io.bpf4j.fuzz.FuzzCampaign;
import io.bpf4j.fuzz.FuzzCorpus;
import io.bpf4j.text.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
    // What a user's build has: bpf-api, which the skeletons use.
    private static final String API_CLASS_PATH = apiClassPath();

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    // One for the campaign: it keeps what it has read of the JDK and the class path.
    private final StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, null);

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

        standard.close();
        assertThat(report.findings()).as("mutations the processor mishandled").isEmpty();
    }

    /** javac with the processor over one annotated type per slot, each naming its slot's object. */
    private Compilation compile(Path work, List<String> slots, List<String> events) {
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
            sources.add(new Source(PACKAGE + "." + slot, "package " + PACKAGE + ";\n" + annotation + "\nfinal class "
                    + slot + " {}\n"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Outputs outputs = new Outputs(standard);
        JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), outputs, diagnostics,
                List.of("-Xlint:all,-processing", "-classpath", API_CLASS_PATH,
                        "-A" + ObjectLocator.OBJECT_DIRS + "=" + work), null, sources);
        task.setProcessors(List.of(new SkeletonProcessor()));
        task.call();
        return new Compilation(diagnostics.getDiagnostics(), outputs.generated);
    }

    /** What javac said, and the classes whose sources the processor generated. */
    private record Compilation(List<Diagnostic<? extends JavaFileObject>> diagnostics, Set<String> generated) {
        List<Diagnostic<? extends JavaFileObject>> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }
    }

    /** A source held in memory: an annotated type, or a skeleton the processor writes. */
    private static final class Source extends SimpleJavaFileObject {
        private final StringWriter text = new StringWriter();

        Source(String className, String content) {
            super(URI.create("mem:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            text.write(content);
        }

        @Override
        public Writer openWriter() {
            return text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text.toString();
        }
    }

    /**
     * Keeps what the processor generates in memory and drops class files, over a standard file
     * manager shared by every compilation of the campaign (it is not closed with this one).
     */
    private static final class Outputs extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Set<String> generated = new HashSet<>();

        Outputs(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            if (kind == JavaFileObject.Kind.SOURCE) {
                generated.add(className);
                return new Source(className, "");
            }
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }

        @Override
        public void close() {
            // The standard file manager is the campaign's, closed at its end.
        }
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
            boolean generated = compilation.generated().contains(PACKAGE + "." + slots.get(i) + "Skel");
            if (findings.get(i) != null) {
                verdicts.add(FuzzCampaign.Verdict.finding(findings.get(i)));
            } else if (rejected.get(i)) {
                verdicts.add(FuzzCampaign.Verdict.of("rejected"));
            } else if (!generated) {
                verdicts.add(FuzzCampaign.Verdict.finding("neither a skeleton nor an error"));
            } else {
                verdicts.add(FuzzCampaign.Verdict.of("compiled"));
            }
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
    private List<String> rawBindings(Path work, Path objects, byte[] object) {
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

    private static String apiClassPath() {
        try {
            return Path.of(BpfSkeleton.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String objectName(String slot) {
        return slot.toLowerCase(Locale.ROOT) + ".bpf.o";
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
