package io.bpf4j.processor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * A javac file manager that keeps the command's work off the disk: BPF objects are served from
 * their own paths as if they were in the class output (where the processor looks for them), and
 * whatever javac or the processor writes stays in memory — generated sources to be read back,
 * class files to be dropped.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, Path> objects;
    private final Map<String, StringSource> sources = new LinkedHashMap<>();

    /**
     * @param objects class-path resource name (e.g. {@code p/opensnoop.bpf.o}) → file on disk
     */
    InMemoryFileManager(StandardJavaFileManager standard, Map<String, Path> objects) {
        super(standard);
        this.objects = Map.copyOf(objects);
    }

    /** The sources written so far, by binary class name. */
    Map<String, String> generatedSources() {
        Map<String, String> result = new LinkedHashMap<>();
        sources.forEach((name, source) -> result.put(name, source.content()));
        return result;
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        // javac's Filer.getResource asks output locations through getFileForOutput, then reads it.
        Path object = objects.get(relativeName);
        if (location == StandardLocation.CLASS_OUTPUT && packageName.isEmpty() && object != null) {
            return new ObjectFile(object);
        }
        return super.getFileForOutput(location, packageName, relativeName, sibling);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) {
        if (kind == JavaFileObject.Kind.SOURCE) {
            return sources.computeIfAbsent(className, StringSource::new);
        }
        return new DiscardedOutput(className, kind);
    }

    /** A source javac can read, held in memory: a stub handed to javac, or a generated file. */
    static final class StringSource extends SimpleJavaFileObject {
        private final StringWriter content = new StringWriter();

        StringSource(String className) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
        }

        StringSource(String className, String text) {
            this(className);
            content.write(text);
        }

        String content() {
            return content.toString();
        }

        @Override
        public Writer openWriter() {
            return content;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content.toString();
        }
    }

    /** A BPF object read from its file, under the resource name the processor asks for. */
    private static final class ObjectFile extends SimpleJavaFileObject {
        private final Path file;

        ObjectFile(Path file) {
            super(file.toUri(), Kind.OTHER);
            this.file = file;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /** Class files: the command only wants sources, so what javac writes is thrown away. */
    private static final class DiscardedOutput extends SimpleJavaFileObject {
        DiscardedOutput(String className, Kind kind) {
            super(URI.create("discarded:///" + className.replace('.', '/') + kind.extension), kind);
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream();
        }
    }
}
