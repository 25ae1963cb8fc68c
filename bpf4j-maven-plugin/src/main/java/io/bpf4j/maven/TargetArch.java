package io.bpf4j.maven;

import java.util.Locale;
import java.util.Optional;

/**
 * The machine a BPF program is compiled for: the {@code __TARGET_ARCH_xxx} that libbpf's
 * {@code bpf_tracing.h} needs to read registers ({@code PT_REGS_PARM1} and friends), and the
 * Debian/Ubuntu multiarch include directory ({@code /usr/include/x86_64-linux-gnu}), where
 * {@code asm/} headers live that {@code -target bpf} does not search by itself.
 *
 * @param name the {@code __TARGET_ARCH_} suffix libbpf knows, e.g. {@code x86}
 * @param multiarch the GNU triplet of the multiarch directory, e.g. {@code x86_64-linux-gnu}, if any
 */
record TargetArch(String name, Optional<String> multiarch) {
    /** The architecture of the JVM's machine, from {@code os.arch}. */
    static TargetArch ofJvm() {
        return of(System.getProperty("os.arch", ""));
    }

    /** The target for a JVM {@code os.arch} value (amd64, aarch64, ...); an unknown one is used as is. */
    static TargetArch of(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> new TargetArch("x86", Optional.of("x86_64-linux-gnu"));
            case "aarch64", "arm64" -> new TargetArch("arm64", Optional.of("aarch64-linux-gnu"));
            case "arm" -> new TargetArch("arm", Optional.of("arm-linux-gnueabihf"));
            case "ppc64le" -> new TargetArch("powerpc", Optional.of("powerpc64le-linux-gnu"));
            case "s390x" -> new TargetArch("s390", Optional.of("s390x-linux-gnu"));
            case "riscv64" -> new TargetArch("riscv", Optional.of("riscv64-linux-gnu"));
            case "loongarch64" -> new TargetArch("loongarch", Optional.of("loongarch64-linux-gnu"));
            default -> new TargetArch(arch, Optional.empty());
        };
    }
}
