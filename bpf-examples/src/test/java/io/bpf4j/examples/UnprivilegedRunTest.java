package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.examples.cli.ToolFailure;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a tool as {@code nobody} (all capabilities dropped): one line on stderr saying what is
 * missing, a non-zero status, no stack trace. Needs root to switch users, hence {@link RequiresKernel}.
 */
@RequiresKernel
class UnprivilegedRunTest {
    @TempDir
    Path dir;

    @Test
    void opensnoopAsNobodySaysWhatIsMissing() throws Exception {
        String classPath = ChildTool.readableClassPath(dir);
        Path jnaTmp = Files.createDirectory(dir.resolve("jna"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(jnaTmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all");
        List<String> jvm = List.of("-Djna.tmpdir=" + jnaTmp);
        Process process = new ProcessBuilder(ChildTool.command(classPath, asNobody, jvm, "opensnoop", "-d", "1"))
                .directory(dir.toFile())
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tool finished").isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("exit status; stderr: %s", stderr).isEqualTo(ToolFailure.NO_PERMISSION);
        assertThat(stderr.strip().lines()).as("stderr: %s", stderr).hasSize(1);
        assertThat(stderr).startsWith("opensnoop: ").contains("CAP_BPF").doesNotContain("\tat ", "Exception");
        assertThat(stdout).isEmpty();
    }
}
