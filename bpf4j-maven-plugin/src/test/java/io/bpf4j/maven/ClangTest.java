package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which clang is used, and the one error a missing, foreign or too old one gives. */
class ClangTest {
    @TempDir
    Path bin;

    /** An executable that answers --version like a clang of {@code version} would. */
    private Path fakeClang(String name, String versionLine) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho '" + versionLine + "'\necho 'Target: x86_64-pc-linux-gnu'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Map<String, String> path() {
        return Map.of("PATH", bin.toString());
    }

    @Test
    void clang19IsPreferredToClangOnThePath() throws Exception {
        fakeClang("clang", "clang version 14.0.6");
        Path clang19 = fakeClang("clang-19", "Debian clang version 19.1.7 (3~deb12u1)");

        Clang clang = Clang.find(null, path());

        assertThat(clang).isEqualTo(new Clang(clang19, "19.1.7", 19));
    }

    @Test
    void clangIsUsedWithoutClang19() throws Exception {
        Path plain = fakeClang("clang", "Ubuntu clang version 14.0.0-1ubuntu1.1");

        assertThat(Clang.find(null, path())).isEqualTo(new Clang(plain, "14.0.0", 14));
    }

    @Test
    void theEnvironmentVariableNamesTheCompilerAndTheParameterWins() throws Exception {
        fakeClang("clang-19", "clang version 19.1.7");
        Path named = fakeClang("my-clang", "clang version 17.0.1");
        Path configured = fakeClang("other-clang", "clang version 18.1.0");
        Map<String, String> environment = Map.of("PATH", bin.toString(), Clang.ENVIRONMENT, "my-clang");

        assertThat(Clang.find(null, environment).executable()).isEqualTo(named);
        assertThat(Clang.find(configured.toString(), environment).executable()).isEqualTo(configured);
    }

    @Test
    void noClangIsOneErrorSayingWhatToInstall() {
        assertThatThrownBy(() -> Clang.find(null, path()))
                .isInstanceOf(Clang.ClangException.class)
                .hasMessage("bpf4j: clang is needed to compile BPF C, and clang-19 and clang are not on the PATH;"
                        + " install it with: apt-get install clang-19 (Debian 12), dnf install clang"
                        + " (Fedora), or name a clang 10 or newer with -Dbpf4j.clang=PATH (the plugin's <clang>)"
                        + " or BPF4J_CLANG");
    }

    @Test
    void aNamedCompilerThatIsMissingIsNotReplacedByAnother() throws Exception {
        fakeClang("clang-19", "clang version 19.1.7");

        assertThatThrownBy(() -> Clang.find("/nowhere/clang", path()))
                .hasMessageStartingWith("bpf4j: clang is needed to compile BPF C, and /nowhere/clang (named by"
                        + " bpf4j.clang) is not an executable file; install it with: apt-get install clang-19");
    }

    @Test
    void anOldClangIsRejectedWithItsVersion() throws Exception {
        Path old = fakeClang("clang-19", "clang version 9.0.1");

        assertThatThrownBy(() -> Clang.find(null, path()))
                .hasMessageStartingWith("bpf4j: " + old + " is clang 9.0.1, too old to compile CO-RE BPF programs:"
                        + " clang 10 or newer is needed; install it with: apt-get install clang-19");
    }

    @Test
    void aProgramThatIsNotClangIsRejected() throws Exception {
        Path gcc = fakeClang("clang", "gcc (Debian 12.2.0-14) 12.2.0");

        assertThatThrownBy(() -> Clang.find(null, path()))
                .hasMessageStartingWith("bpf4j: " + gcc + " is not clang (--version said 'gcc (Debian 12.2.0-14)"
                        + " 12.2.0', status 0)");
    }

    @Test
    void theCommandHasTheBpfTargetTheArchitectureAndTheIncludeDirectories() {
        Clang clang = new Clang(Path.of("/usr/bin/clang-19"), "19.1.7", 19);

        assertThat(clang.command("arm64", java.util.List.of(Path.of("/src"), Path.of("/inc")),
                java.util.List.of("-Wall")))
                .containsExactly("/usr/bin/clang-19", "-g", "-O2", "-target", "bpf", "-D__TARGET_ARCH_arm64",
                        "-fno-color-diagnostics", "-I/src", "-I/inc", "-Wall");
    }
}
