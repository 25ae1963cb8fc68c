package io.bpf4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The compiled BPF fixtures (built from {@code src/test/bpf} into the test class path by the
 * build) and a javac run with the processor over them.
 */
final class Fixtures {
    private Fixtures() {}

    /** The root of the test class path, where {@code p/*.bpf.o} are. */
    static Path objectRoot() {
        URL object = Fixtures.class.getResource("/p/opensnoop.bpf.o");
        if (object == null) {
            throw new IllegalStateException("p/opensnoop.bpf.o is not on the test class path: "
                    + "build with Maven, which compiles src/test/bpf before the tests");
        }
        try {
            return Path.of(object.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code p.NAME} annotated with {@code annotation} (e.g. {@code @BpfSkeleton("x.bpf.o")}). */
    static JavaFileObject annotated(String name, String annotation) {
        return JavaFileObjects.forSourceLines("p." + name,
                "package p;",
                "",
                "import io.bpf4j.BpfSkeleton;",
                "",
                annotation,
                "final class " + name + " {}");
    }

    /** The line of the annotation in a source made by {@link #annotated}. */
    static final int ANNOTATION_LINE = 5;

    /**
     * Compiles {@code sources} with the processor and the project's lint options (every lint but
     * "processing", which only notes that nothing claims {@code @Generated}), warnings being errors,
     * objects searched in {@code dirs} first.
     */
    static Compilation compile(SkeletonProcessor processor, List<Path> dirs, JavaFileObject... sources) {
        List<String> objectDirs = new ArrayList<>();
        dirs.forEach(dir -> objectDirs.add(dir.toString()));
        return javac()
                .withProcessors(processor)
                .withOptions("-Xlint:all,-processing", "-Werror",
                        "-A" + ObjectLocator.OBJECT_DIRS + "=" + String.join(File.pathSeparator, objectDirs))
                .compile(sources);
    }

    /**
     * Compiles {@code sources} with the processor, every lint on but warnings left warnings, so a
     * test can see the processor's own warnings.
     */
    static Compilation compileAllowingWarnings(JavaFileObject... sources) {
        return javac()
                .withProcessors(new SkeletonProcessor())
                .withOptions("-Xlint:all,-processing", "-A" + ObjectLocator.OBJECT_DIRS + "=" + objectRoot())
                .compile(sources);
    }

    /** Compiles with the real processor and the fixtures' directory. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(new SkeletonProcessor(), List.of(objectRoot()), sources);
    }
}
