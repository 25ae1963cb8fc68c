package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.features.KernelFeatures;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.RequiresKernel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feature probes answer what really works on this kernel (kernel.md lists what that is). */
@RequiresKernel
class NativeFeaturesTest {
    private final KernelFeatures features = new NativeKernel().features();

    @Test
    void tracingKindsThatWorkHereAreReportedSo() {
        for (ProgramKind kind : new ProgramKind[] {ProgramKind.TRACEPOINT, ProgramKind.RAW_TRACEPOINT, ProgramKind.TP_BTF,
                ProgramKind.UPROBE, ProgramKind.URETPROBE, ProgramKind.USDT, ProgramKind.PERF_EVENT, ProgramKind.ITER}) {
            assertThat(features.attachKind(kind)).as(kind.toString()).isTrue();
            assertThat(features.whyNot(kind)).as(kind.toString()).isEmpty();
        }
    }

    @Test
    void packetAndCgroupKindsWork() {
        for (ProgramKind kind : new ProgramKind[] {ProgramKind.XDP, ProgramKind.TC, ProgramKind.SOCKET_FILTER,
                ProgramKind.CGROUP_SKB, ProgramKind.CGROUP_SOCK, ProgramKind.CGROUP_SOCK_ADDR}) {
            assertThat(features.programType(kind)).as(kind.toString()).isTrue();
            assertThat(features.attachKind(kind)).as(kind.toString()).isTrue();
        }
        assertThat(NativeFeatures.tcxKnown()).isTrue();
    }

    @Test
    void kprobesAndTrampolinesAreMissingWithTheRealCause() {
        assumeTrue(io.bpf4j.linux.KernelConfig.config("CONFIG_KPROBES").equals(Optional.of(false)),
                "the CI kernel (no kprobes, no trampolines) is the one whose answers are known");

        assertThat(features.attachKind(ProgramKind.KPROBE)).isFalse();
        assertThat(features.whyNot(ProgramKind.KRETPROBE)).contains("kprobes: CONFIG_KPROBES is not set");
        for (ProgramKind kind : new ProgramKind[] {ProgramKind.FENTRY, ProgramKind.FEXIT, ProgramKind.LSM}) {
            assertThat(features.attachKind(kind)).as(kind.toString()).isFalse();
            assertThat(features.programType(kind)).as(kind.toString()).isFalse();
            assertThat(features.whyNot(kind)).as(kind.toString()).contains(LoadFailures.NO_TRAMPOLINES);
        }
        assertThat(features.whyNot(ProgramKind.UPROBE_MULTI)).get().asString().startsWith("uprobe.multi: libbpf 1.3");
    }

    @Test
    void mapTypes() {
        assertThat(features.mapType(MapType.RINGBUF)).isTrue();
        assertThat(features.mapType(MapType.LRU_PERCPU_HASH)).isTrue();
        assertThat(features.mapType(MapType.UNSPEC)).isFalse();
    }

    @Test
    void helpersByNameWithOrWithoutPrefix() {
        assertThat(features.helper(ProgramKind.TRACEPOINT, "bpf_get_current_pid_tgid")).isTrue();
        assertThat(features.helper(ProgramKind.TRACEPOINT, "ringbuf_output")).isTrue();
        // Only kprobes may override a return value.
        assertThat(features.helper(ProgramKind.XDP, "bpf_override_return")).isFalse();
        assertThatThrownBy(() -> features.helper(ProgramKind.XDP, "bpf_no_such_helper"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("helperName 'bpf_no_such_helper'");
    }

    @Test
    void unknownKindsAreNeverSupported() {
        assertThat(features.programType(ProgramKind.UNKNOWN)).isFalse();
        assertThat(features.attachKind(ProgramKind.UNKNOWN)).isFalse();
    }

    @Test
    void answersAreSharedAcrossBackends() {
        assertThat(new NativeKernel().features()).isSameAs(features);
    }
}
