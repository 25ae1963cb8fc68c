package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.test.RequiresKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C: a running tool detaches, closes everything and exits quietly. */
@RequiresKernel
class InterruptTest {
    /** The JVM's status after SIGINT: 128 + 2. */
    private static final int EXIT_ON_SIGINT = 130;

    @Test
    void opensnoopStopsCleanlyOnSigint() throws Exception {
        Process tool = new ProcessBuilder(ChildTool.command(ChildTool.classPath(), List.of(), List.of(), "opensnoop"))
                .start();
        tool.getOutputStream().close();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            String header = out.readLine(); // printed once the program is attached and the ring mapped
            assertThat(header).startsWith("TIME");
            assertThat(attachedPrograms(tool.pid())).as("links held by the tool").isPositive();

            new ProcessBuilder("kill", "-INT", Long.toString(tool.pid())).start().waitFor();

            assertThat(tool.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
        }
        String stderr = new String(tool.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tool.exitValue()).as("exit status; stderr: %s", stderr).isEqualTo(EXIT_ON_SIGINT);
        assertThat(stderr).isEmpty();
    }

    /** How many BPF links the process holds open (its {@code anon_inode:bpf_link} descriptors). */
    private static long attachedPrograms(long pid) throws Exception {
        Process ls = new ProcessBuilder("sh", "-c", "ls -l /proc/" + pid + "/fd | grep -c bpf_link").start();
        String count = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ls.waitFor();
        return Long.parseLong(count);
    }
}
