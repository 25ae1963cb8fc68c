package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Make's rules with the real clang: what is stale is compiled, nothing else; a header, an option
 * or a deleted source counts. The programs need no kernel header, only clang's BPF target.
 */
class BpfCompilerTest {
    private static final String LICENSE = "char LICENSE[] __attribute__((section(\"license\"), used)) = \"GPL\";\n";

    @TempDir
    Path dir;

    private Path sources;
    private Clang clang;

    @BeforeEach
    void findClang() throws IOException {
        try {
            clang = Clang.find(null, System.getenv());
        } catch (Clang.ClangException e) {
            assumeTrue(false, e.getMessage());
        }
        sources = Files.createDirectories(dir.resolve("src/main/bpf"));
        write("p/one.bpf.c", "#include \"common.h\"\nint one = ANSWER;\n" + LICENSE);
        write("p/two.bpf.c", "int two = 2;\n" + LICENSE);
        write("p/common.h", "#define ANSWER 42\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = sources.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Makes {@code file} look edited now, later than any object. */
    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }

    private BpfCompiler.Result run(String... extraArgs) throws IOException {
        List<String> command = clang.command("x86", List.of(sources), List.of(extraArgs));
        return BpfCompiler.run(new BpfCompiler.Request(sources, dir.resolve("classes"), dir.resolve("state"),
                clang.version(), command, 2));
    }

    @Test
    void compilesEveryProgramToItsRelativePathThenNothing() throws IOException {
        BpfCompiler.Result first = run();

        assertThat(first.sources()).containsExactly("p/one.bpf.c", "p/two.bpf.c");
        assertThat(first.compiled()).containsExactly("p/one.bpf.c", "p/two.bpf.c");
        assertThat(first.failures()).isEmpty();
        byte[] object = Files.readAllBytes(dir.resolve("classes/p/one.bpf.o"));
        assertThat(object).startsWith(0x7f, 'E', 'L', 'F');
        assertThat(dir.resolve("classes/p/one.bpf.o.tmp")).doesNotExist();

        BpfCompiler.Result second = run();

        assertThat(second.compiled()).isEmpty();
        assertThat(second.objectsChanged()).isFalse();
    }

    @Test
    void aChangedHeaderRecompilesOnlyTheProgramsThatIncludeIt() throws IOException {
        run();
        write("p/common.h", "#define ANSWER 43\n");
        touch(sources.resolve("p/common.h"));

        assertThat(run().compiled()).containsExactly("p/one.bpf.c");
    }

    @Test
    void aChangedSourceRecompilesIt() throws IOException {
        run();
        write("p/two.bpf.c", "int two = 3;\n" + LICENSE);
        touch(sources.resolve("p/two.bpf.c"));

        assertThat(run().compiled()).containsExactly("p/two.bpf.c");
    }

    @Test
    void aChangedOptionRecompilesEverything() throws IOException {
        run();

        assertThat(run("-DEXTRA=1").compiled()).containsExactly("p/one.bpf.c", "p/two.bpf.c");
        assertThat(run("-DEXTRA=1").compiled()).isEmpty();
    }

    @Test
    void theObjectOfADeletedProgramIsRemoved() throws IOException {
        run();
        Files.delete(sources.resolve("p/two.bpf.c"));

        BpfCompiler.Result result = run();

        assertThat(result.removed()).containsExactly("p/two.bpf.c");
        assertThat(result.objectsChanged()).isTrue();
        assertThat(dir.resolve("classes/p/two.bpf.o")).doesNotExist();
        assertThat(dir.resolve("classes/p/one.bpf.o")).exists();
    }

    @Test
    void aProgramThatDoesNotCompileLeavesNoObjectAndTheOthersAreCompiled() throws IOException {
        write("p/bad.bpf.c", "int bad = missing;\n" + LICENSE);

        BpfCompiler.Result result = run();

        assertThat(result.compiled()).containsExactly("p/one.bpf.c", "p/two.bpf.c");
        assertThat(result.failures()).hasSize(1);
        BpfCompiler.Run failure = result.failures().get(0);
        assertThat(failure.source()).isEqualTo("p/bad.bpf.c");
        assertThat(failure.status()).isNotZero();
        assertThat(Diagnostic.parse(failure.output())).extracting(Diagnostic::text)
                .containsExactly(sources.resolve("p/bad.bpf.c")
                        + ":1:11: error: use of undeclared identifier 'missing'");
        assertThat(dir.resolve("classes/p/bad.bpf.o")).doesNotExist();
        assertThat(dir.resolve("classes/p/bad.bpf.o.tmp")).doesNotExist();
        assertThat(run().compiled()).as("a failed program is tried again").isEmpty();
        assertThat(run().failures()).extracting(BpfCompiler.Run::source).containsExactly("p/bad.bpf.c");
    }

    @Test
    void warningsOfACompiledProgramAreReported() throws IOException {
        write("p/two.bpf.c", "static int unused_thing;\nint two = 2;\n" + LICENSE);

        BpfCompiler.Result result = run("-Wall");

        assertThat(result.failures()).isEmpty();
        List<String> warnings = new ArrayList<>();
        result.outputs().forEach(o -> Diagnostic.parse(o.output()).forEach(d -> warnings.add(d.text())));
        assertThat(warnings).containsExactly(sources.resolve("p/two.bpf.c")
                + ":1:12: warning: unused variable 'unused_thing' [-Wunused-variable]");
    }

    @Test
    void anObjectIsStampedWithTheTimeItsCompilationStarted() throws IOException {
        Instant before = Instant.now();
        run();

        Instant made = Files.getLastModifiedTime(dir.resolve("classes/p/one.bpf.o")).toInstant();
        assertThat(made).isAfterOrEqualTo(before.minusMillis(1)).isBefore(Instant.now());
    }
}
