package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    private static final long SYS_ADMIN = 1L << Capabilities.CAP_SYS_ADMIN;
    private static final long BPF = 1L << Capabilities.CAP_BPF;
    private static final long PERFMON = 1L << Capabilities.CAP_PERFMON;

    @Test
    void rootOrBpfPlusPerfmonIsEnough() {
        assertThat(Capabilities.missingForBpf(SYS_ADMIN)).isEmpty();
        assertThat(Capabilities.missingForBpf(BPF | PERFMON)).isEmpty();
        assertThat(Capabilities.missingForBpf(0x1ff_ffff_ffffL)).isEmpty();
    }

    @Test
    void namesWhatIsMissing() {
        assertThat(Capabilities.missingForBpf(0)).hasValue("root or CAP_BPF + CAP_PERFMON (missing: CAP_BPF, CAP_PERFMON)");
        assertThat(Capabilities.missingForBpf(BPF)).hasValue("root or CAP_BPF + CAP_PERFMON (missing: CAP_PERFMON)");
        assertThat(Capabilities.missingForBpf(PERFMON)).hasValue("root or CAP_BPF + CAP_PERFMON (missing: CAP_BPF)");
    }

    @Test
    void readsThisProcesssMask() {
        assertThat(Capabilities.effective()).isPresent();
    }
}
