package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.palantir.javapoet.ClassName;
import io.bpf4j.btf.BtfType;
import io.bpf4j.spec.ObjectSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The layouts the generator derives from BTF are clang's: for every struct and union of the type
 * zoo ({@code src/test/bpf/p/zoo.h}), a C file of {@code _Static_assert}s on {@code sizeof} and on
 * each member's {@code __builtin_offsetof} and size, written from the generated model, compiles
 * with {@code clang-19 -target bpf} against the zoo's header. (Bitfields have no
 * {@code offsetof}; {@link ZooRoundTripTest} checks them against the bytes clang initialised.)
 * Skipped, saying why, on a machine without {@code clang-19}.
 */
class ClangLayoutTest {
    private static final String CLANG = "clang-19";
    private static final Path ZOO_HEADER_DIR = Path.of("src/test/bpf/p");
    /** Where the build wrote vmlinux.h (bpf4j-maven-plugin's default headerDirectory). */
    private static final Path VMLINUX_DIR = Path.of("target/bpf4j/include");

    private static Map<String, RecordModel> roots;

    @BeforeAll
    static void mapTheZoo() throws Exception {
        byte[] object = Files.readAllBytes(Fixtures.objectRoot().resolve("p/zoo.bpf.o"));
        ObjectSpec spec = ObjectSpec.read("zoo", object);
        TypeMapper types = new TypeMapper(spec.btf(), ClassName.get("p", "ZooSkel"), new JavaNames.Allocator(),
                "p/zoo.bpf.o");
        roots = new LinkedHashMap<>();
        for (BtfType type : spec.btf().types()) {
            if (!type.name().startsWith("zoo_")) {
                continue;
            }
            if (type instanceof BtfType.Composite composite) {
                roots.put((composite.union() ? "union " : "struct ") + composite.name(), record(types, type));
            } else if (type instanceof BtfType.Typedef && spec.btf().resolve(type.id()) instanceof BtfType.Composite) {
                roots.put(type.name(), record(types, type));
            }
        }
    }

    private static RecordModel record(TypeMapper types, BtfType type) throws GenerationException {
        return ((JavaType.Struct) types.map(type.id(), "zoo type " + type.name(), "Anonymous")).record();
    }

    @Test
    void everyZooTypeIsChecked() {
        assertThat(roots.keySet()).contains("struct zoo_scalars", "struct zoo_bits", "union zoo_word",
                "struct zoo_tagged", "struct zoo_packed", "struct zoo_padded", "struct zoo_arrays",
                "struct zoo_nested", "struct zoo_flex", "struct zoo_clash", "struct zoo_event", "struct zoo_wide",
                "zoo_counts_t");
        assertThat(assertions()).hasSizeGreaterThan(120);
    }

    @Test
    void generatedSizesAndOffsetsAreClangs(@TempDir Path dir) throws Exception {
        assumeTrue(onPath(CLANG), CLANG + " is not installed (apt-get install clang-19)");

        Result result = compile(dir, assertions());

        assertThat(result.exitCode()).as("clang's verdict on the generated layouts:%n%s", result.output()).isZero();
    }

    @Test
    void aWrongOffsetFailsTheCheck(@TempDir Path dir) throws Exception {
        assumeTrue(onPath(CLANG), CLANG + " is not installed (apt-get install clang-19)");

        Result result = compile(dir, List.of(
                "_Static_assert(__builtin_offsetof(struct zoo_packed, value) == 8, \"zoo_packed.value\");"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("zoo_packed.value");
    }

    /** One assertion per type size, member offset and member size, bitfields excepted. */
    private static List<String> assertions() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, RecordModel> root : roots.entrySet()) {
            String type = root.getKey();
            lines.add(check("sizeof(" + type + ")", root.getValue().size(), type));
            members(type, root.getValue(), "", 0, lines);
        }
        return lines;
    }

    /**
     * The members of {@code record}, which lies at {@code base} in {@code type} and is reached by
     * the member path {@code path} ("" for the type itself); anonymous structs and unions are
     * entered, since they have no definition of their own to check.
     */
    private static void members(String type, RecordModel record, String path, int base, List<String> lines) {
        for (RecordModel.Field field : record.fields()) {
            String member = field.cName().isEmpty() ? path : (path.isEmpty() ? "" : path + ".") + field.cName();
            int offset = base + field.offset();
            if (field.type() instanceof JavaType.Bits) {
                continue;
            }
            if (!field.cName().isEmpty()) {
                String what = type + "." + member;
                lines.add(check("__builtin_offsetof(" + type + ", " + member + ")", offset, what));
                lines.add(check("sizeof(((" + type + " *)0)->" + member + ")", field.type().size(), what));
            }
            if (field.type() instanceof JavaType.Struct struct && struct.record().cName().contains("{…}")) {
                members(type, struct.record(), member, offset, lines);
            }
        }
    }

    private static String check(String expression, int expected, String what) {
        return "_Static_assert(" + expression + " == " + expected + ", \"" + what + " is not " + expected + "\");";
    }

    private record Result(int exitCode, String output) {}

    private static Result compile(Path dir, List<String> assertions) throws IOException, InterruptedException {
        Path source = dir.resolve("zoo_layout.c");
        List<String> lines = new ArrayList<>(List.of("#include \"vmlinux.h\"", "#include <bpf/bpf_helpers.h>",
                "#include \"zoo.h\"", ""));
        lines.addAll(assertions);
        Files.write(source, lines, StandardCharsets.UTF_8);
        Process clang = new ProcessBuilder(CLANG, "-target", "bpf", "-D__TARGET_ARCH_x86",
                "-I", VMLINUX_DIR.toAbsolutePath().toString(), "-I", ZOO_HEADER_DIR.toAbsolutePath().toString(),
                "-c", source.toString(), "-o", dir.resolve("zoo_layout.o").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(clang.waitFor(60, TimeUnit.SECONDS)).as("clang finished").isTrue();
        return new Result(clang.exitValue(), output);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
