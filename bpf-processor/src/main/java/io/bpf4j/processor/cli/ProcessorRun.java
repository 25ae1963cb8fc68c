package io.bpf4j.processor.cli;

import io.bpf4j.BpfSkeleton;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ObjectBytes;
import io.bpf4j.processor.SkeletonProcessor;
import io.bpf4j.processor.SourceText;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates skeletons by running the real {@link SkeletonProcessor} in javac, in this JVM, over one
 * stub per object — {@code @BpfSkeleton("opensnoop.bpf.o") final class Opensnoop {}} in the
 * requested package — with {@code -proc:only}. The command therefore writes exactly what the
 * processor writes for such a type, by construction, and reports exactly its errors.
 *
 * <p>The objects are served to the processor from their files by {@link InMemoryFileManager}, at
 * the class-path name the skeleton will load them from ({@code PKG/<file name>}); nothing is
 * written to disk here.
 */
final class ProcessorRun {
    private static final String PROCESSOR_PREFIX = SkeletonProcessor.PREFIX;

    private final String packageName;
    private final Map<String, String> events;

    /**
     * @param packageName the skeletons' package
     * @param events ring-buffer map → record struct (or {@link GenerateOptions#RAW}), bound for every object
     */
    ProcessorRun(String packageName, Map<String, String> events) {
        this.packageName = packageName;
        this.events = Map.copyOf(events);
    }

    /** The class-path name the skeleton of {@code object} loads it from, e.g. {@code p/opensnoop.bpf.o}. */
    String resourceName(Path object) {
        return packageName.replace('.', '/') + "/" + object.getFileName();
    }

    /** One outcome per object, in the order given. */
    List<Outcome> generate(List<Path> objects) {
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        Map<Path, Stub> stubs = new LinkedHashMap<>();
        Map<String, Path> bySkeleton = new LinkedHashMap<>();
        Map<String, Path> resources = new LinkedHashMap<>();
        for (Path object : objects) {
            String fileName = String.valueOf(object.getFileName());
            Optional<String> typeName = SkeletonNames.typeName(fileName);
            if (typeName.isEmpty()) {
                outcomes.put(object, Outcome.failed(object, "", List.of("cannot name a Java class after '"
                        + SkeletonProcessor.printable(fileName)
                        + "': its name has no word that can start a Java identifier; rename the file")));
                continue;
            }
            String className = packageName + "." + SkeletonNames.skeletonName(typeName.get());
            Path clash = bySkeleton.putIfAbsent(className, object);
            if (clash != null) {
                outcomes.put(object, Outcome.failed(object, className, List.of("its skeleton " + className
                        + " would overwrite the one of " + SkeletonProcessor.printable(clash.toString())
                        + "; generate them into different packages")));
            } else if (!Files.isRegularFile(object)) {
                outcomes.put(object, Outcome.failed(object, className,
                        List.of(Files.exists(object) ? "not a regular file" : "no such file")));
            } else if (unusable(object).isPresent()) {
                outcomes.put(object, Outcome.failed(object, className, List.of(unusable(object).get())));
            } else {
                stubs.put(object, new Stub(typeName.get(), className));
                resources.put(resourceName(object), object);
                outcomes.put(object, null);
            }
        }
        if (!stubs.isEmpty()) {
            outcomes.putAll(runProcessor(stubs, resources));
        }
        return new ArrayList<>(outcomes.values());
    }

    /**
     * Why {@code object} cannot be a BPF object, judged by its size and header alone: a file of
     * gigabytes given by mistake is rejected before javac starts, having cost one read of 64 bytes.
     */
    private Optional<String> unusable(Path object) {
        try {
            ObjectBytes.check(object);
            return Optional.empty();
        } catch (ElfFormatException e) {
            // Worded as the processor words it, which says the same of what it reads.
            return Optional.of(resourceName(object) + " is not a usable BPF object: " + e.getMessage());
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e);
        }
    }

    /** The annotated type standing in for the user's, and the skeleton it should produce. */
    private record Stub(String typeName, String className) {}

    private Map<Path, Outcome> runProcessor(Map<Path, Stub> stubs, Map<String, Path> resources) {
        JavaCompiler javac = javac();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, Path> objectOfStub = new LinkedHashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        stubs.forEach((object, stub) -> {
            InMemoryFileManager.StringSource source = new InMemoryFileManager.StringSource(
                    packageName + "." + stub.typeName(), stubSource(object, stub));
            sources.add(source);
            objectOfStub.put(source.toUri().toString(), object);
        });
        StringWriter javacOutput = new StringWriter();
        Map<String, String> generated;
        boolean ran;
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
                InMemoryFileManager files = new InMemoryFileManager(standard, resources)) {
            JavaCompiler.CompilationTask task = javac.getTask(javacOutput, files, diagnostics,
                    List.of("-proc:only", "-implicit:none", "-classpath", apiClassPath()), null, sources);
            task.setProcessors(List.of(new SkeletonProcessor()));
            ran = task.call();
            generated = files.generatedSources();
        } catch (IOException e) {
            throw new IllegalStateException("javac's file manager could not be closed: " + e, e);
        }
        Errors errors = Errors.sort(diagnostics.getDiagnostics(), objectOfStub, Diagnostic.Kind.ERROR);
        Errors warnings = Errors.sort(diagnostics.getDiagnostics(), objectOfStub, Diagnostic.Kind.WARNING);
        if (!ran && errors.byObject().isEmpty() && errors.general().isEmpty()) {
            errors.general().add("javac failed: " + SkeletonProcessor.printable(javacOutput.toString().strip()));
        }
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        stubs.forEach((object, stub) -> {
            List<String> problems = new ArrayList<>(errors.byObject().getOrDefault(object, List.of()));
            String source = generated.get(stub.className());
            if (problems.isEmpty() && source == null) {
                // javac stopped before the processor reached this object: say why.
                problems.addAll(errors.general().isEmpty()
                        ? List.of("the processor generated no skeleton")
                        : errors.general());
            }
            List<String> warned = warnings.byObject().getOrDefault(object, List.of());
            outcomes.put(object, problems.isEmpty()
                    ? Outcome.generated(object, stub.className(), source, warned)
                    : Outcome.failed(object, stub.className(), problems, warned));
        });
        return outcomes;
    }

    /**
     * javac's errors (or warnings): those on an object's stub (the processor's, without its
     * {@code bpf4j: } prefix), and the general ones, on no stub. The processor's messages are
     * escaped for the terminal already; javac's own are escaped here.
     */
    private record Errors(Map<Path, List<String>> byObject, List<String> general) {
        static Errors sort(List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, Path> objectOfStub,
                Diagnostic.Kind kind) {
            Errors errors = new Errors(new LinkedHashMap<>(), new ArrayList<>());
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
                if (diagnostic.getKind() != kind) {
                    continue;
                }
                String message = diagnostic.getMessage(Locale.ROOT);
                message = message.startsWith(PROCESSOR_PREFIX)
                        ? message.substring(PROCESSOR_PREFIX.length())
                        : SkeletonProcessor.printable(message);
                Path object = diagnostic.getSource() == null ? null
                        : objectOfStub.get(diagnostic.getSource().toUri().toString());
                if (object == null) {
                    errors.general().add(message);
                } else {
                    errors.byObject().computeIfAbsent(object, o -> new ArrayList<>()).add(message);
                }
            }
            return errors;
        }
    }

    private String stubSource(Path object, Stub stub) {
        StringBuilder annotation = new StringBuilder("@").append(BpfSkeleton.class.getCanonicalName())
                .append("(value = ").append(javaString(String.valueOf(object.getFileName())));
        if (!events.isEmpty()) {
            List<String> bindings = new ArrayList<>();
            events.forEach((map, struct) -> bindings.add("@" + BpfSkeleton.EventType.class.getCanonicalName()
                    + "(map = " + javaString(map) + ", "
                    + (struct.equals(GenerateOptions.RAW) ? "raw = true" : "struct = " + javaString(struct)) + ")"));
            annotation.append(", events = {").append(String.join(", ", bindings)).append('}');
        }
        annotation.append(')');
        return "package " + packageName + ";\n" + annotation + "\nfinal class " + stub.typeName() + " {}\n";
    }

    private static String javaString(String value) {
        return SourceText.javaString(value);
    }

    /** The javac of this JDK; a JRE has none, and the command cannot work without it. */
    static JavaCompiler javac() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": bpf4j gen runs javac's annotation processing, so it needs a JDK, not a JRE");
        }
        return javac;
    }

    /** Where bpf-api is (a jar or a classes directory): the only class path the stubs and skeletons need. */
    static String apiClassPath() {
        CodeSource api = BpfSkeleton.class.getProtectionDomain().getCodeSource();
        if (api == null) {
            throw new IllegalStateException(
                    "cannot tell where bpf-api was loaded from: its classes have no code source");
        }
        try {
            return Path.of(api.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where bpf-api was loaded from: " + e, e);
        }
    }
}
