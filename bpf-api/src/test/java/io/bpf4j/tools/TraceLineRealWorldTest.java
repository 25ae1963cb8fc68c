package io.bpf4j.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines as recent kernels write them to trace_pipe, beyond the basic cases of {@link TraceLineTest}. */
class TraceLineRealWorldTest {
    @Test
    void kernelThreadNamesWithSlashesAndColons() {
        TraceLine line = TraceLine.parse("    kworker/u4:1-12345   [001] d..2. 123.456789: bpf_trace_printk: tick")
                .orElseThrow();
        assertThat(line.task()).isEqualTo("kworker/u4:1");
        assertThat(line.pid()).isEqualTo(12345);
        assertThat(line.flags()).isEqualTo("d..2.");
        assertThat(line.message()).isEqualTo("tick");
    }

    @Test
    void hardIrqContextAndMessagesWithColons() {
        TraceLine line = TraceLine.parse("          <idle>-0       [000] d.h2. 5.000001: bpf_trace_printk: irq: 42: done")
                .orElseThrow();
        assertThat(line.task()).isEqualTo("<idle>");
        assertThat(line.pid()).isZero();
        assertThat(line.flags()).isEqualTo("d.h2.");
        assertThat(line.message()).isEqualTo("irq: 42: done");
    }

    @Test
    void tracepointEventsAreNotBpfPrintk() {
        TraceLine line = TraceLine.parse("            bash-2001    [003] ..... 77.000100: sys_enter_openat: dfd=-100")
                .orElseThrow();
        assertThat(line.function()).isEqualTo("sys_enter_openat");
        assertThat(line.isBpfPrintk()).isFalse();
    }

    @Test
    void emptyMessagesStayEmpty() {
        assertThat(TraceLine.parse("java-7 [001] ...1. 1.000000: bpf_trace_printk: ").orElseThrow().message())
                .isEmpty();
    }
}
