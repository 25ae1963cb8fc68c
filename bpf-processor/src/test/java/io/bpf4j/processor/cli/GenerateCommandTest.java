package io.bpf4j.processor.cli;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.BpfSkeleton;
import io.bpf4j.processor.SkeletonProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpf4j gen} writes what the processor writes, sources that compile against bpf-api alone,
 * and one clear line per object it cannot generate.
 */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"Opensnoop, opensnoop.bpf.o", "Maps, maps.bpf.o", "Clashes, clashes.bpf.o", "Zoo, zoo.bpf.o"})
    void writesExactlyWhatTheProcessorGenerates(String type, String object) throws IOException {
        int status = run("--package", "p", "--out", dir.toString(), TestObjects.object(object).toString());

        assertThat(status).as(errors()).isZero();
        assertThat(Files.readString(dir.resolve("p/" + type + "Skel.java"))).isEqualTo(processorSource(type, object));
        assertThat(errors()).isEqualTo("bpf4j gen: " + TestObjects.object(object) + " -> "
                + dir.resolve("p/" + type + "Skel.java") + "\n");
    }

    @Test
    void generatedSourcesCompileAgainstBpfApiAlone() throws IOException {
        Path sources = dir.resolve("src");
        int status = run("--package", "com.example.trace", "--out", sources.toString(),
                TestObjects.object("opensnoop.bpf.o").toString(), TestObjects.object("maps.bpf.o").toString(),
                TestObjects.object("clashes.bpf.o").toString());

        assertThat(status).as(errors()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.walk(sources)) {
            written = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(written).extracting(path -> sources.relativize(path).toString()).containsExactly(
                "com/example/trace/ClashesSkel.java", "com/example/trace/MapsSkel.java",
                "com/example/trace/OpensnoopSkel.java");
        assertThat(compileAgainstBpfApi(written)).isEmpty();
    }

    @Test
    void checkCompilesEachSkeletonAndSaysSo() {
        int status = run("--package", "p", "--out", dir.toString(), "--check",
                TestObjects.object("opensnoop.bpf.o").toString());

        assertThat(status).isZero();
        assertThat(errors()).endsWith("OpensnoopSkel.java (compiles)\n");
    }

    @Test
    void copiesTheObjectWhereTheSkeletonLoadsItFrom() throws IOException {
        Path resources = dir.resolve("resources");
        Path object = TestObjects.object("opensnoop.bpf.o");

        int status = run("--package", "p.q", "--out", dir.resolve("src").toString(), "--resources",
                resources.toString(), object.toString());

        assertThat(status).isZero();
        assertThat(resources.resolve("p/q/opensnoop.bpf.o")).hasSameBinaryContentAs(object);
        assertThat(Files.readString(dir.resolve("src/p/q/OpensnoopSkel.java")))
                .contains("OBJECT_RESOURCE = \"opensnoop.bpf.o\"");
    }

    @Test
    void bindsRingBufferRecordsLikeTheAnnotation() throws IOException {
        int status = run("--package", "p", "--out", dir.toString(), "--event", "samples=cpu_sample",
                TestObjects.object("unbound.bpf.o").toString());

        assertThat(status).as(errors()).isZero();
        assertThat(Files.readString(dir.resolve("p/UnboundSkel.java")))
                .contains("public BpfRingBuffer<CpuSample> samples()");
    }

    @Test
    void bindsRawRecordsLikeTheAnnotation() throws IOException {
        int status = run("--package", "p", "--out", dir.toString(), "--event", "samples=:raw",
                TestObjects.object("unbound.bpf.o").toString());

        assertThat(status).as(errors()).isZero();
        assertThat(Files.readString(dir.resolve("p/UnboundSkel.java")))
                .contains("public BpfRingBuffer<Void> samples()", "raw = true");
    }

    @Test
    void aMissingObjectIsOneLineAndTheOthersAreStillGenerated() {
        Path missing = dir.resolve("missing.bpf.o");

        int status = run("--package", "p", "--out", dir.toString(), missing.toString(),
                TestObjects.object("opensnoop.bpf.o").toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors().lines()).containsExactly(
                "bpf4j gen: " + missing + ": no such file",
                "bpf4j gen: " + TestObjects.object("opensnoop.bpf.o") + " -> " + dir.resolve("p/OpensnoopSkel.java"),
                "bpf4j gen: 1 of 2 skeletons generated, 1 failed");
        assertThat(dir.resolve("p/OpensnoopSkel.java")).exists();
    }

    @Test
    void aFileThatIsNotAnElfIsRejectedWithTheReason() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.bpf.o"), "just some text\n");

        int status = run("--package", "p", "--out", dir.toString(), notes.toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors()).isEqualTo("bpf4j gen: " + notes + ": p/notes.bpf.o is not a usable BPF object: "
                + "not an ELF file: the first 4 bytes are not \\x7fELF\n");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void aFileOverTheSizeLimitIsOneLineNamingItsSizeAndTheLimit() throws IOException {
        // A real object's header, then 3 GiB of holes (sparse: no disk), and 1.5 GB of zeros.
        byte[] header = Arrays.copyOf(Files.readAllBytes(TestObjects.object("opensnoop.bpf.o")), 64);
        Path huge = sparse(dir.resolve("huge.bpf.o"), 3L << 30, header);
        Path zeros = sparse(dir.resolve("zeros.bpf.o"), 1_500_000_000L, new byte[0]);

        int status = run("--package", "p", "--out", dir.toString(), "--check", huge.toString(), zeros.toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors()).isEqualTo(String.join("\n",
                "bpf4j gen: " + huge + ": p/huge.bpf.o is not a usable BPF object: 3221225472 bytes (3 GiB), more than"
                        + " the 64 MiB (67108864 bytes) a BPF object may have",
                "bpf4j gen: " + zeros + ": p/zeros.bpf.o is not a usable BPF object: 1500000000 bytes (1.4 GiB), more"
                        + " than the 64 MiB (67108864 bytes) a BPF object may have",
                "bpf4j gen: 0 of 2 skeletons generated, 2 failed\n"));
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void anElfForAnotherMachineIsRejectedWithTheReason() throws IOException {
        Path program = Files.copy(Path.of("/bin/true"), dir.resolve("true.bpf.o"));

        int status = run("--package", "p", "--out", dir.toString(), program.toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors()).startsWith("bpf4j gen: " + program + ": p/true.bpf.o is not a usable BPF object: ")
                .hasLineCount(1);
    }

    @Test
    void aTypeTheGeneratorCannotMapNamesTheMapAndTheReason() {
        Path object = TestObjects.object("sized_map.bpf.o");

        int status = run("--package", "p", "--out", dir.toString(), object.toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors()).startsWith("bpf4j gen: " + object + ": p/sized_map.bpf.o: map 'sizes' key has no BTF "
                + "type, only a size (4 bytes), so it cannot be typed").hasLineCount(1);
    }

    @Test
    void twoObjectsWithTheSameSkeletonNameAreNotBothWritten() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other")).resolve("opensnoop.bpf.o");
        Files.copy(TestObjects.object("opensnoop.bpf.o"), other);

        int status = run("--package", "p", "--out", dir.toString(), TestObjects.object("opensnoop.bpf.o").toString(),
                other.toString());

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errors()).contains("bpf4j gen: " + other
                + ": its skeleton p.OpensnoopSkel would overwrite the one of "
                + TestObjects.object("opensnoop.bpf.o") + "; generate them into different packages");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--out", dir.toString(), "x.bpf.o")).isEqualTo(GenerateCommand.USAGE);
        assertThat(run("--package", "p", "--out", dir.toString(), "--frobnicate", "x.bpf.o"))
                .isEqualTo(GenerateCommand.USAGE);
        assertThat(errors().lines()).containsExactly(
                "bpf4j gen: --package PKG is required: the package of the generated skeletons",
                "bpf4j gen: unknown option --frobnicate (see --help)");
    }

    @Test
    void noArgumentsPrintTheUsageAndExitWithTwo() {
        assertThat(run()).isEqualTo(GenerateCommand.USAGE);
        assertThat(errors()).startsWith("usage: bpf4j gen --package PKG --out DIR");
    }

    @Test
    void helpPrintsTheUsageOnStandardError() {
        assertThat(run("--help")).isZero();
        assertThat(errors()).startsWith("usage: bpf4j gen --package PKG --out DIR");
    }

    /** A file of {@code length} bytes: {@code start}, then holes. */
    private static Path sparse(Path file, long length, byte[] start) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start);
            out.setLength(length);
        }
        return file;
    }

    private int run(String... args) {
        return GenerateCommand.run(err, args);
    }

    private String errors() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** What javac's processor generates for {@code @BpfSkeleton("OBJECT") final class TYPE {}} in package p. */
    private static String processorSource(String type, String object) throws IOException {
        Compilation compilation = javac()
                .withProcessors(new SkeletonProcessor())
                .withOptions("-Abpf4j.objectDirs=" + TestObjects.root())
                .compile(JavaFileObjects.forSourceLines("p." + type, "package p;",
                        "@io.bpf4j.BpfSkeleton(\"" + object + "\")", "final class " + type + " {}"));
        assertThat(compilation.errors()).isEmpty();
        return compilation.generatedSourceFile("p." + type + "Skel").orElseThrow().getCharContent(true).toString();
    }

    /** javac's errors compiling {@code sources} with nothing but bpf-api on the class path. */
    private List<String> compileAgainstBpfApi(List<Path> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics,
                    List.of("-proc:none", "-Xlint:all", "-Werror", "-classpath", bpfApi().toString(), "-d",
                            classes.toString()),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            problems.add(diagnostic.getKind() + " " + diagnostic.getSource() + ":" + diagnostic.getLineNumber() + " "
                    + diagnostic.getMessage(Locale.ROOT));
        }
        return problems;
    }

    private static Path bpfApi() {
        try {
            return Path.of(BpfSkeleton.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
