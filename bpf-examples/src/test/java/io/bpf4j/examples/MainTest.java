package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void withoutAToolItListsTheTools() {
        StringWriter out = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out, true)).execute();
        assertThat(status).isZero();
        assertThat(out.toString()).contains("minimal", "opensnoop", "Trace openat(2)");
    }

    @Test
    void theEntryPointFlushesWhatItPrintsBeforeItExits() throws Exception {
        // main() writes through a buffered writer on fd 1: the list and the help must not be lost.
        ChildTool.Result list = ChildTool.run(ChildTool.command(ChildTool.classPath(), List.of(), List.of()), dir, 60);
        ChildTool.Result help = ChildTool.run(
                ChildTool.command(ChildTool.classPath(), List.of(), List.of(), "opensnoop", "--help"), dir, 60);

        assertThat(list.status()).isZero();
        assertThat(list.stdout()).contains("minimal", "opensnoop", "Trace openat(2)");
        assertThat(help.status()).isZero();
        assertThat(help.stdout()).startsWith("Usage: bpf4j-examples opensnoop").contains("--pid=PID", "--duration");
    }
}
