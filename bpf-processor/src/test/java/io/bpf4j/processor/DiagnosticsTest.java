package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Every problem is a javac error on the annotation, naming the object and the reason; javac never
 * crashes and nothing is generated for the broken element.
 */
class DiagnosticsTest {
    @TempDir
    Path objects;

    @Test
    void missingObject() {
        JavaFileObject source = Fixtures.annotated("Missing", "@BpfSkeleton(\"missing.bpf.o\")");

        Compilation compilation = Fixtures.compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("bpf4j: BPF object 'p/missing.bpf.o' not found (looked in: "
                        + Fixtures.objectRoot().resolve("p/missing.bpf.o"))
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorContaining("class output");
        assertThat(compilation).hadErrorContaining("is its .bpf.c compiled before javac runs?");
    }

    @Test
    void textFileNamedLikeAnObject() throws IOException {
        write("p/notes.bpf.o", "just some text, not an ELF file\n".getBytes(StandardCharsets.UTF_8));
        JavaFileObject source = Fixtures.annotated("Notes", "@BpfSkeleton(\"notes.bpf.o\")");

        Compilation compilation = compileWithTempObjects(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: p/notes.bpf.o is not a usable BPF object: ")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void elfForAnotherMachine() throws IOException {
        write("p/true.bpf.o", Files.readAllBytes(Path.of("/bin/true")));
        JavaFileObject source = Fixtures.annotated("True", "@BpfSkeleton(\"true.bpf.o\")");

        Compilation compilation = compileWithTempObjects(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: p/true.bpf.o is not a usable BPF object: ")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void truncatedObject() throws IOException {
        byte[] real = Files.readAllBytes(Fixtures.objectRoot().resolve("p/opensnoop.bpf.o"));
        write("p/truncated.bpf.o", Arrays.copyOf(real, real.length / 2));
        JavaFileObject source = Fixtures.annotated("Truncated", "@BpfSkeleton(\"truncated.bpf.o\")");

        Compilation compilation = compileWithTempObjects(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: p/truncated.bpf.o is not a usable BPF object: ")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void objectOverTheSizeLimitIsOneErrorNamingItsSizeAndTheLimit() throws IOException {
        // A real object's header, then 3 GiB of holes: sparse, so it costs no disk, and reading it
        // whole would end in an OutOfMemoryError, not an error on the annotation.
        byte[] header = Arrays.copyOf(Files.readAllBytes(Fixtures.objectRoot().resolve("p/opensnoop.bpf.o")), 64);
        Path huge = sparse("p/huge.bpf.o", 3L << 30, header);
        JavaFileObject source = Fixtures.annotated("Huge", "@BpfSkeleton(\"huge.bpf.o\")");

        Compilation compilation = compileWithTempObjects(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: p/huge.bpf.o is not a usable BPF object: " + huge
                        + ": 3221225472 bytes (3 GiB), more than the 64 MiB (67108864 bytes) a BPF object may have")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void largeFileThatIsNoObjectIsJudgedByItsHeader() throws IOException {
        Path zeros = sparse("p/zeros.bpf.o", 60L << 20, new byte[0]); // under the limit: the header decides
        JavaFileObject source = Fixtures.annotated("Zeros", "@BpfSkeleton(\"zeros.bpf.o\")");

        Compilation compilation = compileWithTempObjects(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: p/zeros.bpf.o is not a usable BPF object: " + zeros
                        + ": not an ELF file: the first 4 bytes are not \\x7fELF")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void ringBufferWithoutRecordTypeIsGeneratedRawWithAWarning() throws IOException {
        JavaFileObject source = Fixtures.annotated("Unbound", "@BpfSkeleton(\"unbound.bpf.o\")");

        Compilation compilation = Fixtures.compileAllowingWarnings(source);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation)
                .hadWarningContaining("bpf4j: p/unbound.bpf.o: ring buffer 'samples' has no record type (the object "
                        + "has no unused_ pointer naming one); it is generated raw (records as bytes, read through the "
                        + "reader's view path); to type it, bind its record struct with "
                        + "@BpfSkeleton(events = @EventType(map = \"samples\", struct = \"…\")) "
                        + "(bpf4j gen: --event samples=…)")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation.generatedSourceFile("p.UnboundSkel").orElseThrow().getCharContent(true).toString())
                .contains("public BpfRingBuffer<Void> samples()", "nothing binds a record type");
    }

    @Test
    void ringBufferBoundExplicitly() {
        Compilation compilation = Fixtures.compile(Fixtures.annotated("Unbound",
                "@BpfSkeleton(value = \"unbound.bpf.o\", "
                        + "events = @BpfSkeleton.EventType(map = \"samples\", struct = \"cpu_sample\"))"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.UnboundSkel")
                .contentsAsUtf8String()
                .contains("public BpfRingBuffer<CpuSample> samples()");
    }

    @Test
    void ringBufferBoundRaw() {
        Compilation compilation = Fixtures.compile(Fixtures.annotated("Unbound",
                "@BpfSkeleton(value = \"unbound.bpf.o\", "
                        + "events = @BpfSkeleton.EventType(map = \"samples\", raw = true))"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.UnboundSkel")
                .contentsAsUtf8String()
                .contains("public BpfRingBuffer<Void> samples()");
    }

    @Test
    void bindingBothAStructAndRaw() {
        JavaFileObject source = Fixtures.annotated("Unbound", "@BpfSkeleton(value = \"unbound.bpf.o\", "
                + "events = @BpfSkeleton.EventType(map = \"samples\", struct = \"cpu_sample\", raw = true))");

        Compilation compilation = Fixtures.compile(source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: @BpfSkeleton.EventType(map = \"samples\") gives both "
                        + "struct = \"cpu_sample\" and raw = true; give exactly one")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void bindingNeitherAStructNorRaw() {
        JavaFileObject source = Fixtures.annotated("Unbound", "@BpfSkeleton(value = \"unbound.bpf.o\", "
                + "events = @BpfSkeleton.EventType(map = \"samples\"))");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: @BpfSkeleton.EventType(map = \"samples\") gives neither struct nor raw")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void bindingRawRecordsToAMapThatIsNotARingBuffer() {
        JavaFileObject source = Fixtures.annotated("Maps", "@BpfSkeleton(value = \"maps.bpf.o\", "
                + "events = @BpfSkeleton.EventType(map = \"flows\", raw = true))");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: @BpfSkeleton(events = @EventType(map = \"flows\", raw = true)): "
                        + "map 'flows' of p/maps.bpf.o is a BPF_MAP_TYPE_HASH, not a ring buffer or perf event array")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void bindingToAStructTheObjectLacks() {
        JavaFileObject source = Fixtures.annotated("Unbound", "@BpfSkeleton(value = \"unbound.bpf.o\", "
                + "events = @BpfSkeleton.EventType(map = \"samples\", struct = \"nope\"))");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("the BTF of p/unbound.bpf.o has no struct 'nope'")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void bindingAMapThatIsNotARingBuffer() {
        JavaFileObject source = Fixtures.annotated("Maps", "@BpfSkeleton(value = \"maps.bpf.o\", "
                + "events = @BpfSkeleton.EventType(map = \"flows\", struct = \"conn_key\"))");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("map 'flows' of p/maps.bpf.o is a BPF_MAP_TYPE_HASH, not a ring buffer")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void mapWithoutBtfTypes() {
        JavaFileObject source = Fixtures.annotated("SizedMap", "@BpfSkeleton(\"sized_map.bpf.o\")");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: p/sized_map.bpf.o: map 'sizes' key has no BTF type, only a size "
                        + "(4 bytes), so it cannot be typed; declare the map with __type(key, …)")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void annotationOnAnEnum() {
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Colors",
                "package p;",
                "",
                "import io.bpf4j.BpfSkeleton;",
                "",
                "@BpfSkeleton(\"opensnoop.bpf.o\")",
                "enum Colors { RED }");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: @BpfSkeleton belongs on a class or interface, not on an enum")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void invalidSkeletonName() {
        JavaFileObject source = Fixtures.annotated("Named", "@BpfSkeleton(value = \"opensnoop.bpf.o\", name = \"my-skel\")");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: @BpfSkeleton(name = \"my-skel\") is not a valid class name")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void objectAboveTheClassPathRoot() {
        JavaFileObject source = Fixtures.annotated("Escape", "@BpfSkeleton(\"../../x.bpf.o\")");

        assertThat(Fixtures.compile(source))
                .hadErrorContaining("bpf4j: @BpfSkeleton(\"../../x.bpf.o\") climbs above the class-path root")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
    }

    @Test
    void aGeneratorBugIsAnErrorNotACrash() {
        SkeletonProcessor failing = new SkeletonProcessor((request, object, generated) -> {
            throw new IllegalStateException("boom");
        });
        JavaFileObject source = Fixtures.annotated("Opensnoop", "@BpfSkeleton(\"opensnoop.bpf.o\")");

        Compilation compilation = Fixtures.compile(failing, List.of(Fixtures.objectRoot()), source);

        assertThat(compilation)
                .hadErrorContaining("bpf4j: internal error while generating the skeleton of Opensnoop from "
                        + "p/opensnoop.bpf.o: java.lang.IllegalStateException: boom")
                .inFile(source)
                .onLine(Fixtures.ANNOTATION_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void oneBrokenElementDoesNotStopTheOthers() {
        JavaFileObject broken = Fixtures.annotated("Missing", "@BpfSkeleton(\"missing.bpf.o\")");
        JavaFileObject fine = Fixtures.annotated("Opensnoop", "@BpfSkeleton(\"opensnoop.bpf.o\")");

        List<String> generated = new ArrayList<>();
        SkeletonProcessor recording = new SkeletonProcessor((request, object, annotation) -> {
            GeneratedSkeleton skeleton = SkeletonProcessor.generateSkeleton(request, object, annotation);
            generated.add(skeleton.file().typeSpec().name());
            return skeleton;
        });

        Compilation compilation = Fixtures.compile(recording, List.of(Fixtures.objectRoot()), broken, fine);

        assertThat(compilation).hadErrorCount(1);
        assertThat(generated).containsExactly("OpensnoopSkel");
    }

    /** A file of {@code length} bytes under the temporary object directory: {@code start}, then holes. */
    private Path sparse(String resource, long length, byte[] start) throws IOException {
        Path file = objects.resolve(resource);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start);
            out.setLength(length);
        }
        return file;
    }

    private void write(String resource, byte[] bytes) throws IOException {
        Path file = objects.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private Compilation compileWithTempObjects(JavaFileObject source) {
        return Fixtures.compile(new SkeletonProcessor(), List.of(objects), source);
    }
}
