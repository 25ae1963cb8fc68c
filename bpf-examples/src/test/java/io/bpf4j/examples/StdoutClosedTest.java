package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.examples.cli.StandardOutput;
import io.bpf4j.test.RequiresKernel;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./bpf4j example opensnoop | head -3}: once the reader of its output is gone, a tool stops
 * by itself, detaches, and exits with 141 (as a shell reports a C tool killed by SIGPIPE) without a
 * word on stderr. Any other write error is a failure, reported.
 */
@RequiresKernel
class StdoutClosedTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"opensnoop", "minimal"})
    @Timeout(120) // a tool that never stops would otherwise hang the build
    void aToolStopsQuietlyWhenTheReaderOfItsOutputGoesAway(String tool) throws Exception {
        Activity activity = Activity.writing(dir.resolve("activity")); // rows for the tool to print
        try {
            Process process = new ProcessBuilder(ChildTool.command(ChildTool.classPath(), List.of(), List.of(), tool))
                    .start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = ChildTool.readAsync(process.getErrorStream());
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (int line = 1; line <= 3; line++) {
                assertThat(out.readLine()).as("line %d; stderr: %s", line, stderr.getNow("")).isNotNull();
            }

            out.close(); // what head does after its third line: the tool's next write fails with EPIPE

            boolean stopped = process.waitFor(10, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly();
            }
            assertThat(stopped).as("%s stopped within 10 s of its output closing", tool).isTrue();
            assertThat(process.exitValue()).as("exit status; stderr: %s", stderr.join())
                    .isEqualTo(StandardOutput.READER_GONE);
            assertThat(stderr.join()).isEmpty();
        } finally {
            activity.close();
        }
    }

    @Test
    @Timeout(120)
    void aWriteErrorOnAnythingButAPipeIsReported() throws Exception {
        // /dev/full fails every write with ENOSPC: a real error, not a reader that went away.
        Process process = new ProcessBuilder(ChildTool.command(ChildTool.classPath(), List.of(), List.of(),
                "opensnoop")).redirectOutput(new File("/dev/full")).start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = ChildTool.readAsync(process.getErrorStream());

        boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly();
        }
        assertThat(stopped).as("opensnoop stopped after its first write failed").isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: %s", stderr.join()).isEqualTo(1);
        assertThat(stderr.join()).isEqualTo("opensnoop: writing to standard output failed\n");
    }
}
