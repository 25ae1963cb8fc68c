package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vmlinux.h is written once per BTF and generator, through the toolchain's class loader. The
 * generator here is a stand-in {@code io.bpf4j.btf.VmlinuxHeader} compiled for the test (the
 * plugin cannot depend on bpf-api): it writes the size of the BTF it read, and throws like the
 * real one on bytes that are not BTF.
 */
class VmlinuxHeaderFileTest {
    @TempDir
    Path dir;

    private Toolchain generator(String version) throws IOException {
        Path source = dir.resolve("src-" + version + "/io/bpf4j/btf/VmlinuxHeader.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package io.bpf4j.btf;
                public final class VmlinuxHeader {
                    public static void write(java.nio.file.Path btf, Appendable out) throws java.io.IOException {
                        byte[] bytes = java.nio.file.Files.readAllBytes(btf);
                        if (bytes.length == 0) {
                            throw new java.io.IOException("no BTF header");
                        }
                        out.append("/* %s: %d bytes of BTF */\\n".formatted("VERSION", bytes.length));
                    }
                }
                """.replace("VERSION", version));
        Path classes = Files.createDirectories(dir.resolve("classes-" + version));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        return Toolchain.of(Toolchain.API, Map.of(Toolchain.GROUP_ID + ":" + Toolchain.API, classes));
    }

    @Test
    void writesTheHeaderOnceWhileTheBtfAndTheGeneratorAreTheSame() throws IOException {
        Path btf = Files.write(dir.resolve("btf"), new byte[100]);
        Path include = dir.resolve("include");
        try (Toolchain api = generator("1")) {
            assertThat(VmlinuxHeaderFile.ensure(btf, include, api, "0.1")).isEqualTo(VmlinuxHeaderFile.Outcome.WRITTEN);
            Path header = include.resolve("vmlinux.h");
            assertThat(header).hasContent("/* 1: 100 bytes of BTF */");
            Files.setLastModifiedTime(header, FileTime.fromMillis(1_000_000));

            assertThat(VmlinuxHeaderFile.ensure(btf, include, api, "0.1"))
                    .isEqualTo(VmlinuxHeaderFile.Outcome.UP_TO_DATE);
            assertThat(Files.getLastModifiedTime(header).toMillis()).as("not rewritten").isEqualTo(1_000_000);
            assertThat(include).isDirectoryNotContaining("glob:**.tmp");
        }
    }

    @Test
    void anotherKernelsBtfRewritesIt() throws IOException {
        Path btf = Files.write(dir.resolve("btf"), new byte[100]);
        Path include = dir.resolve("include");
        try (Toolchain api = generator("1")) {
            VmlinuxHeaderFile.ensure(btf, include, api, "0.1");
            Files.write(btf, new byte[200]);

            assertThat(VmlinuxHeaderFile.ensure(btf, include, api, "0.1")).isEqualTo(VmlinuxHeaderFile.Outcome.WRITTEN);
            assertThat(include.resolve("vmlinux.h")).hasContent("/* 1: 200 bytes of BTF */");
        }
    }

    @Test
    void anotherGeneratorRewritesIt() throws IOException {
        Path btf = Files.write(dir.resolve("btf"), new byte[100]);
        Path include = dir.resolve("include");
        try (Toolchain first = generator("1"); Toolchain second = generator("2")) {
            VmlinuxHeaderFile.ensure(btf, include, first, "0.1");

            assertThat(VmlinuxHeaderFile.ensure(btf, include, second, "0.1"))
                    .as("same version, other classes").isEqualTo(VmlinuxHeaderFile.Outcome.WRITTEN);
            assertThat(include.resolve("vmlinux.h")).hasContent("/* 2: 100 bytes of BTF */");
            assertThat(VmlinuxHeaderFile.ensure(btf, include, second, "0.2"))
                    .isEqualTo(VmlinuxHeaderFile.Outcome.WRITTEN);
        }
    }

    @Test
    void aFailureLeavesNoHeaderAndNoTemporaryFile() throws IOException {
        Path btf = Files.write(dir.resolve("btf"), new byte[0]);
        Path include = dir.resolve("include");
        try (Toolchain api = generator("1")) {
            assertThatThrownBy(() -> VmlinuxHeaderFile.ensure(btf, include, api, "0.1"))
                    .isInstanceOf(IOException.class).hasMessage("no BTF header");
            assertThat(include).isEmptyDirectory();
        }
    }
}
