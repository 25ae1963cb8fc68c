package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.spi.Backends;
import io.bpf4j.test.RequiresKernel;
import org.junit.jupiter.api.Test;

/** A skeleton's read-only {@code .kconfig} view shows what libbpf filled in from the running kernel. */
@RequiresKernel
class KconfigSkeletonTest {
    @Test
    void kconfigValuesAreTheRunningKernelsAndTheProgramSeesTheSame() {
        try (KconfigFixtureSkel skel = KconfigFixtureSkel.open(Backends.kernel(new NativeKernel())).load()) {
            skel.attach();
            Fixtures.getpid();

            assertThat(skel.kconfig().linuxKernelVersion()).isEqualTo(expectedVersion());
            assertThat(skel.kconfig().configBpfSyscall()).isTrue();
            assertThat(skel.bss().seenVersion()).isEqualTo(skel.kconfig().linuxKernelVersion());
        }
    }

    /** KERNEL_VERSION(major, minor, patch) of {@code os.version}, the patch capped at 255 as libbpf does. */
    private static long expectedVersion() {
        String[] parts = System.getProperty("os.version").split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        int patch = parts.length > 2 && parts[2].matches("\\d+") ? Math.min(Integer.parseInt(parts[2]), 255) : 0;
        return ((long) major << 16) + ((long) minor << 8) + patch;
    }
}
