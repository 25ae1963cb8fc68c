package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.Errno;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.VerifierException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exceptions that say why the kernel refused: the verifier, a missing feature, tracefs. */
@RequiresKernel
class LoadAndAttachFailuresTest {
    private final NativeKernel kernel = new NativeKernel();

    @Test
    void verifierRejectionNamesTheProgramAndQuotesTheVerifier() {
        OpenObject open = kernel.openObject("bad_deref", Fixtures.object(Fixtures.BAD_DEREF));
        try (open) {
            assertThatThrownBy(open::load)
                    .isInstanceOfSatisfying(VerifierException.class, e -> {
                        assertThat(e.program()).isEqualTo("unchecked_lookup");
                        assertThat(e.errno()).isEqualTo(Errno.EACCES);
                        assertThat(e.verifierLog()).contains("invalid mem access 'map_value_or_null'");
                    })
                    .hasMessageStartingWith("loading program 'unchecked_lookup' failed")
                    .hasMessageContaining("invalid mem access 'map_value_or_null'");
        }
    }

    @Test
    void failedLoadsLeakNoFileDescriptors() {
        byte[] bad = Fixtures.object(Fixtures.BAD_DEREF);
        loadExpectingRejection(bad); // warm up: class loading may open jars
        long before = Fixtures.openFds();

        for (int i = 0; i < 20; i++) {
            loadExpectingRejection(bad);
        }

        assertThat(Fixtures.openFds()).isEqualTo(before);
    }

    private void loadExpectingRejection(byte[] elf) {
        try (OpenObject open = kernel.openObject("bad_deref", elf)) {
            assertThatThrownBy(open::load).isInstanceOf(VerifierException.class);
        }
    }

    @Test
    void kprobeAttachNamesTheMissingKernelConfig() {
        try (OpenObject open = kernel.openObject("kprobe_fixture", Fixtures.object(Fixtures.KPROBE));
                LoadedObject loaded = open.load()) {
            if (KernelConfig.config("CONFIG_KPROBES").equals(Optional.of(false))) {
                assertThatThrownBy(() -> loaded.attach("count_unlinkat"))
                        .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                                e -> assertThat(e.feature()).isEqualTo("kprobes: CONFIG_KPROBES is not set"))
                        .hasMessageStartingWith("attaching program 'count_unlinkat' (kprobe/do_unlinkat) failed: ENOENT");
            } else {
                try (LinkHandle link = loaded.attach("count_unlinkat")) {
                    assertThat(link.description()).isEqualTo("count_unlinkat → kprobe/do_unlinkat");
                }
            }
        }
    }

    /** kernel.md: fentry/fexit/LSM loads fail with EPERM and an empty verifier log in these VMs. */
    @Test
    void fentryWithoutTrampolinesIsAnUnsupportedFeatureNotAVerifierRejection() {
        assumeTrue(KernelConfig.config("CONFIG_KPROBES").equals(Optional.of(false)),
                "the CI kernel (no kprobes, no trampolines) is the one whose answer is known");
        try (OpenObject open = kernel.openObject("fentry_fixture", Fixtures.object(Fixtures.FENTRY))) {
            assertThatThrownBy(open::load)
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EPERM);
                        assertThat(e.feature()).isEqualTo(LoadFailures.NO_TRAMPOLINES);
                    })
                    .hasMessageStartingWith("loading program 'enter_unlinkat' (fentry/do_unlinkat) failed: EPERM");
        }
    }
}
