package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void withoutAToolItListsTheTools() {
        StringWriter out = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out, true)).execute();
        assertThat(status).isZero();
        assertThat(out.toString()).contains("minimal", "opensnoop", "Trace openat(2)");
    }
}
