package io.bpf4j.processor.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles generated sources, in memory, against a class path (bpf-api alone, normally), to prove
 * they compile without the processor or anything else around them. Class files are discarded.
 */
final class CompileCheck {
    private final String classPath;

    /** @param classPath what the sources may use, e.g. {@link ProcessorRun#apiClassPath()} */
    CompileCheck(String classPath) {
        this.classPath = classPath;
    }

    /**
     * The compiler's errors for {@code sources} (binary class name → source), one line each as
     * {@code Name.java:LINE: message}; empty when they compile.
     */
    List<String> errors(Map<String, String> sources) {
        JavaCompiler javac = ProcessorRun.javac();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((name, text) -> files.add(new InMemoryFileManager.StringSource(name, text)));
        StringWriter javacOutput = new StringWriter();
        boolean compiled;
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
                InMemoryFileManager fileManager = new InMemoryFileManager(standard, Map.of())) {
            compiled = javac.getTask(javacOutput, fileManager, diagnostics,
                    List.of("-proc:none", "-classpath", classPath), null, files).call();
        } catch (IOException e) {
            throw new IllegalStateException("javac's file manager could not be closed: " + e, e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                String file = diagnostic.getSource() == null ? "javac"
                        : diagnostic.getSource().toUri().getPath().substring(1);
                errors.add(file + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT)
                        .lines().findFirst().orElse(""));
            }
        }
        if (!compiled && errors.isEmpty()) {
            errors.add("javac failed: " + javacOutput.toString().strip());
        }
        return errors;
    }
}
