package io.bpf4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.Kernel;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.JupiterRun.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

/** What @WithFakeKernel, @BackendTest and @RequiresKernelFeature do to the tests they mark. */
class ExtensionsTest {
    private static final boolean REQUIRED = "1".equals(System.getenv(RealKernelExtension.REQUIRE_KERNEL));

    @WithFakeKernel
    static class FakeKernelUser {
        @Test
        void getsOneKernelPerTest(FakeKernel fake, Kernel backend) {
            assertThat(backend).isSameAs(fake);
        }

        @Test
        void leaksATracePipe(FakeKernel fake) {
            fake.openTracePipe();
        }
    }

    @Test
    void withFakeKernelResolvesTheKernelAndFailsALeakingTest() {
        List<Outcome> outcomes = JupiterRun.of(FakeKernelUser.class);

        assertThat(outcomes).filteredOn(o -> o.name().startsWith("getsOne")).singleElement()
                .extracting(Outcome::status).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes).filteredOn(o -> o.name().startsWith("leaks")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("1 resource(s) left open: trace pipe");
        });
    }

    static class BothBackends {
        @BackendTest
        void runs(Kernel backend) {
            assertThat(backend.name()).isNotEmpty();
        }
    }

    @Test
    void backendTestRunsOnTheFakeAndTriesTheRealKernel() {
        List<Outcome> outcomes = JupiterRun.of(BothBackends.class);

        assertThat(outcomes).extracting(Outcome::name).containsExactly("[FakeKernel]", "[real kernel]");
        assertThat(outcomes.get(0).status()).isEqualTo(Status.SUCCESSFUL);
        // bpf-native is not on this module's class path, so the real run cannot happen here.
        Outcome real = outcomes.get(1);
        assertThat(real.status()).as(real.message()).isEqualTo(REQUIRED ? Status.FAILED : Status.ABORTED);
        assertThat(real.message()).containsAnyOf("no real kernel backend", "real kernel BPF is unavailable");
    }

    static class NeedsKprobes {
        @BackendTest
        @RequiresKernelFeature(attach = ProgramKind.KPROBE)
        void runs(Kernel backend) {
            assertThat(backend).isInstanceOf(FakeKernel.class);
        }
    }

    @Test
    void requiresKernelFeatureIsCheckedAgainstEachRunsBackend() {
        List<Outcome> outcomes = JupiterRun.of(NeedsKprobes.class);

        assertThat(outcomes.get(0).status()).as("the fake has kprobes").isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.get(1).status()).isIn(Status.ABORTED, Status.FAILED);
    }
}
