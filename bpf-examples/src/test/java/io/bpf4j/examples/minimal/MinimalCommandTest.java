package io.bpf4j.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinimalCommandTest {
    @Test
    void keepsOnlyThisToolsPrintkLines() {
        assertThat(MinimalCommand.isOurs(
                "  bash-77 [001] d..31 10.000001: bpf_trace_printk: BPF triggered from PID 77.")).isTrue();
        assertThat(MinimalCommand.isOurs(
                "  bash-77 [001] d..31 10.000001: bpf_trace_printk: someone else's message")).isFalse();
        assertThat(MinimalCommand.isOurs("# tracer: nop")).isFalse();
    }
}
