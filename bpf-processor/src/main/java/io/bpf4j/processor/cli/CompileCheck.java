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
 * One check compiles any number of times with one javac file manager, which keeps what it has read
 * of the JDK and the class path (as {@link JavaCompiler} allows), so checking many skeletons does
 * not read them again for each; close the check to release it.
 */
class CompileCheck implements AutoCloseable {
    private final String classPath;
    private final JavaCompiler javac = ProcessorRun.javac();
    private StandardJavaFileManager standard;

    /** @param classPath what the sources may use, e.g. {@link ProcessorRun#apiClassPath()} */
    CompileCheck(String classPath) {
        this.classPath = classPath;
    }

    /**
     * The compiler's errors for {@code sources} (binary class name → source), one line each as
     * {@code Name.java:LINE: message}; empty when they compile.
     */
    List<String> errors(Map<String, String> sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((name, text) -> files.add(new InMemoryFileManager.StringSource(name, text)));
        StringWriter javacOutput = new StringWriter();
        if (standard == null) {
            // Its own diagnostics are about options and files, which are fixed here: none are expected.
            standard = javac.getStandardFileManager(null, Locale.ROOT, null);
        }
        // Not closed: closing it would close the shared standard file manager.
        InMemoryFileManager fileManager = new InMemoryFileManager(standard, Map.of());
        boolean compiled = javac.getTask(javacOutput, fileManager, diagnostics,
                List.of("-proc:none", "-classpath", classPath), null, files).call();
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

    @Override
    public void close() {
        if (standard != null) {
            try {
                standard.close();
            } catch (IOException e) {
                throw new IllegalStateException("javac's file manager could not be closed: " + e, e);
            } finally {
                standard = null;
            }
        }
    }
}
