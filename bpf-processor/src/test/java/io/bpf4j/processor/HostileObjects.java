package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.bpf4j.Kernel;
import io.bpf4j.spi.Backends;
import io.bpf4j.text.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The corpus of hostile objects: {@code p/hostile.bpf.o} (built from {@code src/test/bpf}) with its
 * names and counts rewritten by {@link ObjectRewriter}, compiled with the processor, and the checks
 * every outcome must pass: the skeleton compiles with every lint and no warning and holds no code
 * from the object, or the compilation fails with exactly one error, naming the cause.
 */
final class HostileObjects {
    /** The fixture's C names, each with the tag that keeps its renamed form distinct from the others. */
    static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("victim_struct", "st"), Map.entry("victim_member", "mb"), Map.entry("victim_small", "sm"),
            Map.entry("victim_bits", "bt"), Map.entry("victim_text", "tx"), Map.entry("victim_enum", "en"),
            Map.entry("VICTIM_VALUE", "ev"), Map.entry("victim_typedef", "td"), Map.entry("victim_event", "ek"),
            Map.entry("victim_pid", "pd"), Map.entry("victim_map", "mp"), Map.entry("victim_ring", "rb"),
            Map.entry("unused_victim", "uv"), Map.entry("victim_rodata", "ro"), Map.entry("victim_global", "gl"),
            Map.entry("victim_counter", "ct"), Map.entry("victim_prog", "pg"));

    /**
     * The code an attacker would like to run: a static initialiser that fails the class if it ever
     * runs. The generator itself writes neither a static block nor {@code new Error(}.
     */
    static final String CODE = " static { if (true) throw new Error(\"INJECTED\"); } ";

    private HostileObjects() {}

    /** The fixture as clang built it. */
    static byte[] fixture() {
        try {
            return Files.readAllBytes(Fixtures.objectRoot().resolve("p/hostile.bpf.o"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every target renamed to {@code prefix + payload + "_" + tag}, the program section and license too. */
    static ObjectRewriter renamedEverywhere(String payload) {
        ObjectRewriter object = ObjectRewriter.of(fixture());
        TARGETS.forEach((name, tag) -> object.rename(name, (name.startsWith("unused_") ? "unused_" : "")
                + payload + "_" + tag));
        object.rename("tp/sched/sched_switch", "tp/sched/" + payload);
        object.rename(".reltp/sched/sched_switch", ".reltp/sched/" + payload);
        object.setSection("license", (payload + "\0").getBytes(StandardCharsets.UTF_8));
        return object;
    }

    /** Compiles {@code object} and checks it is inert ({@link #assertInert}): the shape of its classes. */
    static List<String> compileInert(byte[] object, Path dir) throws ReflectiveOperationException {
        return assertInert(compile(object, dir), object);
    }

    /** Compiles {@code @BpfSkeleton("hostile.bpf.o")} against {@code object}, written in {@code dir}. */
    static Compilation compile(byte[] object, Path dir) {
        try {
            Path file = dir.resolve("p/hostile.bpf.o");
            Files.createDirectories(file.getParent());
            Files.write(file, object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fixtures.compile(new SkeletonProcessor(), List.of(dir),
                Fixtures.annotated("Hostile", "@BpfSkeleton(\"hostile.bpf.o\")"));
    }

    /** The generated skeleton's source. */
    static String source(Compilation compilation) {
        try {
            return compilation.generatedSourceFile("p.HostileSkel").orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the skeleton compiled without a warning and holds no object text as code: the
     * attacker's code is nowhere in the code javac sees (after its backslash-u translation), no comment ends
     * where the generator did not end it, every character is printable, every class initialises
     * and the skeleton opens and loads in {@link TinyKernel} (so every name it looks up by string
     * literal is exact).
     *
     * @return the shape of the compiled classes, to compare with a benign rename's
     */
    static List<String> assertInert(Compilation compilation, byte[] object) throws ReflectiveOperationException {
        assertThat(compilation).succeededWithoutWarnings();
        String source = source(compilation);
        SourceScan scan = SourceScan.of(source);
        // Words of the payload may make identifiers (StaticIfTrueThrowNewErrorInjected…); its code never.
        assertThat(scan.code()).as("code javac sees").doesNotContain("new Error(", "static {");
        assertThat(scan.commentsEndingMidLine()).as("comments closed by object text").isEmpty();
        for (String line : source.split("\n", -1)) {
            assertThat(Printable.isClean(line.replace('\\', '_'))).as("printable: %s", line).isTrue();
        }
        ClassLoader loader = new CompiledClasses(compilation.generatedFiles(), HostileObjects.class.getClassLoader(),
                Map.of("p/hostile.bpf.o", object));
        List<String> shape = new ArrayList<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String name = file.getName().substring("/CLASS_OUTPUT/".length()).replace(".class", "")
                        .replace('/', '.');
                Class<?> type = Class.forName(name, true, loader);
                shape.add(type.getDeclaredFields().length + " fields, " + type.getDeclaredMethods().length
                        + " methods, " + type.getDeclaredConstructors().length + " constructors, "
                        + type.getDeclaredClasses().length + " nested");
            }
        }
        Collections.sort(shape);
        Class<?> skeleton = loader.loadClass("p.HostileSkel");
        Object open = skeleton.getMethod("open", Kernel.class).invoke(null, Backends.kernel(new TinyKernel()));
        Method load = open.getClass().getMethod("load");
        try (AutoCloseable loaded = (AutoCloseable) load.invoke(open)) {
            assertThat(loaded).isNotNull();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return shape;
    }

    /** Checks the compilation failed with exactly one error, from the processor, containing {@code parts}. */
    static void assertOneError(Compilation compilation, String... parts) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        String message = compilation.errors().get(0).getMessage(null);
        assertThat(message).startsWith("bpf4j: ").contains(parts);
        assertThat(Printable.isClean(message.replace('\\', '_'))).as("printable: %s", message).isTrue();
    }
}
