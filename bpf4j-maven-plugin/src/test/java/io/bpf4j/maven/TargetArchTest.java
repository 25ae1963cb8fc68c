package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** os.arch → libbpf's __TARGET_ARCH_ name and the Debian multiarch triplet. */
class TargetArchTest {
    @Test
    void namesTheArchitecturesLibbpfKnows() {
        assertThat(TargetArch.of("amd64")).isEqualTo(new TargetArch("x86", Optional.of("x86_64-linux-gnu")));
        assertThat(TargetArch.of("aarch64")).isEqualTo(new TargetArch("arm64", Optional.of("aarch64-linux-gnu")));
        assertThat(TargetArch.of("s390x").name()).isEqualTo("s390");
        assertThat(TargetArch.of("ppc64le").name()).isEqualTo("powerpc");
        assertThat(TargetArch.of("riscv64").name()).isEqualTo("riscv");
    }

    @Test
    void anUnknownArchitectureIsUsedAsIs() {
        assertThat(TargetArch.of("mips64")).isEqualTo(new TargetArch("mips64", Optional.empty()));
    }
}
