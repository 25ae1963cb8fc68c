package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.test.RequiresKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Links that are not pinned end with the process that made them: a child JVM attaches XDP and tcx
 * links to a veth, is killed with SIGKILL (no chance to clean up), and the interface is bare again.
 */
@RequiresKernel
class ProcessDeathTest {
    @Test
    void xdpAndTcxLinksDisappearWhenTheirProcessIsKilled() throws Exception {
        try (VethPair veth = VethPair.create()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AttachThenWait.class.getName(), Integer.toString(veth.hostIndex()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("attached");
                assertThat(veth.hostLink()).contains("xdpgeneric");
                assertThat(tcxPrograms()).contains("count_tcx");

                child.destroyForcibly(); // SIGKILL on Linux
                child.waitFor();
            } finally {
                child.destroyForcibly();
            }

            // The kernel releases a link whose last fd closed from a work queue: wait for it.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((veth.hostLink().contains("xdp") || !tcxPrograms().isBlank()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(veth.hostLink()).doesNotContain("xdp");
            assertThat(tcxPrograms()).isBlank();
        }
    }

    /**
     * The loaded programs named count_tcx: only the child's tcx link holds one (this JVM loads none
     * here), and bpftool 7.1 cannot list tcx attachments themselves.
     */
    private static String tcxPrograms() {
        return Commands.tryRun("bpftool", "prog", "show", "name", "count_tcx").output;
    }
}
