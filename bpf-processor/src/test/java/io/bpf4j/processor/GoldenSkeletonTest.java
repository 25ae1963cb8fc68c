package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated source of each fixture equals its checked-in golden file
 * ({@code src/test/resources/golden/NAMESkel.java}) and compiles without a warning.
 *
 * <p>After a deliberate change to the generated code, regenerate the golden files and review the
 * diff: {@code mvn -pl bpf-processor test -Dtest=GoldenSkeletonTest -Dbpf4j.updateGolden=true}.
 */
class GoldenSkeletonTest {
    private static final String UPDATE = "bpf4j.updateGolden";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** The object's hash changes with the clang version; the code around it must not. */
    private static final String SHA256 = "[0-9a-f]{64}";

    @Test
    void namesThatCollideStillCompile() throws IOException {
        Compilation compilation = Fixtures.compile(Fixtures.annotated("Clashes", "@BpfSkeleton(\"clashes.bpf.o\")"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(source(compilation, "p.ClashesSkel")).contains(
                "public record MapsStruct(long count)",
                "public record ViewStruct(long v)",
                // Codec is a type the skeleton imports: the C struct takes another name.
                "public record CodecStruct(long that, long other, long result, long[] buffer,",
                "public static final Codec<CodecStruct> CODEC",
                "public record Data(long class_, long hashCode_, long hashCode__, CodecStruct codec)",
                // Accessors named like the object layer's methods: the parts call those on the object.
                "public BpfHashMap<CodecStruct, Data> hashMap()",
                "this.hashMap = object.hashMap(\"hashMap\", CodecStruct.CODEC, Data.CODEC);",
                "public BpfArrayMap<Data> ringBuffer()",
                "public long data()",
                // memory() is a data section view's own method.
                "public long memory_()",
                "public BpfProgram program()",
                "this.program = object.program(\"program\");",
                "public List<CodecStruct> buffer()",
                "public long tint()",
                "public record AnonT(long a)",
                "public record Outer(OuterInner inner, long tint)",
                "public enum Tint {",
                "public record OuterInner(int x)");
    }

    @ParameterizedTest
    @CsvSource({"Opensnoop, opensnoop.bpf.o", "Maps, maps.bpf.o", "Zoo, zoo.bpf.o"})
    void generatesTheGoldenSource(String name, String object) throws IOException {
        assertGolden(name, "@BpfSkeleton(\"" + object + "\")");
    }

    /** One map of every type, with a ring buffer bound to a struct, one bound raw and a raw perf buffer. */
    @Test
    void generatesTheGoldenSourceOfEveryMapType() throws IOException {
        assertGolden("AllMaps", AllMapsTest.ANNOTATION);
    }

    private static void assertGolden(String name, String annotation) throws IOException {
        Compilation compilation = Fixtures.compile(Fixtures.annotated(name, annotation));

        assertThat(compilation).succeededWithoutWarnings();
        String source = source(compilation, "p." + name + "Skel");
        Path golden = GOLDEN.resolve(name + "Skel.java");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, source, StandardCharsets.UTF_8);
        }
        assertThat(source.replaceAll(SHA256, "<sha256>"))
                .as("generated p.%sSkel; if the change is intended, rerun with -D%s=true and review the diff",
                        name, UPDATE)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8).replaceAll(SHA256, "<sha256>"));
    }

    private static String source(Compilation compilation, String className) throws IOException {
        JavaFileObject generated = compilation.generatedSourceFile(className).orElseThrow();
        return generated.getCharContent(true).toString();
    }
}
