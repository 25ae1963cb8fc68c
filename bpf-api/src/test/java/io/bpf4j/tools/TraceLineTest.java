package io.bpf4j.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceLineTest {
    @Test
    void parsesABpfPrintkLine() {
        TraceLine line = TraceLine.parse(
                "           <...>-3840345 [010] d... 3220701.101143: bpf_trace_printk: write system call from PID 3840345.")
                .orElseThrow();
        assertThat(line.task()).isEqualTo("<...>");
        assertThat(line.pid()).isEqualTo(3840345);
        assertThat(line.cpu()).isEqualTo(10);
        assertThat(line.flags()).isEqualTo("d...");
        assertThat(line.timestamp()).isEqualTo("3220701.101143");
        assertThat(line.isBpfPrintk()).isTrue();
        assertThat(line.message()).isEqualTo("write system call from PID 3840345.");
    }

    @Test
    void keepsDashesAndSpacesInTheTaskName() {
        TraceLine line = TraceLine.parse("cpptools-srv 2-38617 [002] d..31 82576.461085: bpf_trace_printk: x: y")
                .orElseThrow();
        assertThat(line.task()).isEqualTo("cpptools-srv 2");
        assertThat(line.pid()).isEqualTo(38617);
        assertThat(line.message()).isEqualTo("x: y");
    }

    @Test
    void acceptsTheTgidColumn() {
        TraceLine line = TraceLine.parse("bash-100 (    100) [000] ..... 5.000001: bpf_trace_printk: hi").orElseThrow();
        assertThat(line.pid()).isEqualTo(100);
        assertThat(line.message()).isEqualTo("hi");
    }

    @Test
    void rejectsOtherText() {
        assertThat(TraceLine.parse("# tracer: nop")).isEmpty();
        assertThat(TraceLine.parse("")).isEmpty();
    }
}
