package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * What a user without privileges, or without tracefs, is told. Each case runs {@link RestrictedProbe}
 * in a child JVM: without CAP_SYS_ADMIN/CAP_BPF/CAP_PERFMON ({@code setpriv}), dropping them itself
 * after loading ({@code capset}), or in a private mount namespace where tracefs is unmounted
 * ({@code unshare -m}), so this machine is not changed.
 */
@RequiresKernel
class RestrictedEnvironmentTest {
    private static final List<String> WITHOUT_BPF_CAPABILITIES =
            List.of("setpriv", "--bounding-set=-sys_admin,-bpf,-perfmon");
    /** The probe drops capabilities itself, after setting up with them. */
    private static final List<String> UNCHANGED = List.of("env");
    /** Root, but bound by file permissions like any user (tracefs is root's, so it stays readable). */
    private static final List<String> WITHOUT_FILE_ACCESS =
            List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");
    private static final List<String> WITHOUT_TRACEFS =
            List.of("unshare", "--mount", "sh", "-c", "umount /sys/kernel/tracing 2>/dev/null; exec \"$@\"", "sh");

    @Test
    void loadingWithoutCapabilitiesNamesTheMissingOnes() throws Exception {
        String outcome = probe(WITHOUT_BPF_CAPABILITIES, "load");

        assertThat(outcome).isEqualTo("BpfPermissionException: loading object 'native_fixture' failed: "
                + "EPERM (Operation not permitted); needs root or CAP_BPF + CAP_PERFMON (missing: CAP_BPF, CAP_PERFMON)");
    }

    @Test
    void attachingWithoutCapabilitiesNamesTheMissingOnes() throws Exception {
        // Loaded with privileges, attached without: perf_event_open(2) of the tracepoint is refused.
        String outcome = probe(UNCHANGED, "attach-without-capabilities");

        assertThat(outcome).isEqualTo("BpfPermissionException: attaching program 'count_getpid' "
                + "(tp/syscalls/sys_enter_getpid) failed: EACCES (Permission denied); "
                + "needs root or CAP_BPF + CAP_PERFMON (missing: CAP_BPF, CAP_PERFMON)");
    }

    @Test
    void openingAMapByIdWithoutCapabilitiesIsAPermissionError() throws Exception {
        // The kernel checks the capability before it looks the id up, so any id will do.
        String outcome = probe(WITHOUT_BPF_CAPABILITIES, "open-map-by-id", "1");

        assertThat(outcome)
                .isEqualTo("BpfPermissionException: bpf(BPF_MAP_GET_FD_BY_ID) of map id 1 failed: EPERM "
                        + "(Operation not permitted); needs root or CAP_SYS_ADMIN (missing: CAP_SYS_ADMIN)");
    }

    @Test
    void theTracePipeNeedsRootsFileAccessButNoCapability() throws Exception {
        // tracefs is root's (mode 0700): root without CAP_SYS_ADMIN/CAP_BPF/CAP_PERFMON still opens it.
        assertThat(probe(WITHOUT_BPF_CAPABILITIES, "trace-pipe")).isEqualTo("ok");
    }

    @Test
    void anUnreadableTracefsFileIsNamedWithTheDirectoryInTheWay(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path id = Files.writeString(locked.resolve("id"), "1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assertThat(probe(WITHOUT_FILE_ACCESS, "tracefs-access", id.toString())).isEqualTo("read access to " + id
                    + " (" + locked + " is mode 0000, owner root:root): " + TracefsAccess.HOW);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableTracefsFileInASearchableDirectoryIsNamedWithItsOwnMode(@TempDir Path dir) throws Exception {
        Path id = Files.writeString(dir.resolve("id"), "1\n");
        Files.setPosixFilePermissions(id, PosixFilePermissions.fromString("---r-----"));

        assertThat(probe(WITHOUT_FILE_ACCESS, "tracefs-access", id.toString())).isEqualTo("read access to " + id
                + " (" + id + " is mode 0040, owner root:root): " + TracefsAccess.HOW);
        assertThat(probe(WITHOUT_FILE_ACCESS, "tracefs-access", "/sys/kernel/tracing/trace_pipe"))
                .as("tracefs, root's own").isEqualTo("ok");
    }

    @Test
    void tracepointAttachWithoutTracefsSaysToMountIt() throws Exception {
        String outcome = probe(WITHOUT_TRACEFS, "attach");

        assertThat(outcome)
                .startsWith("BpfException: attaching program 'count_getpid' (tp/syscalls/sys_enter_getpid) failed: ENOENT")
                .contains("tracefs is not mounted")
                .contains("mount -t tracefs tracefs /sys/kernel/tracing");
    }

    @Test
    void tracePipeWithoutTracefsSaysToMountIt() throws Exception {
        String outcome = probe(WITHOUT_TRACEFS, "trace-pipe");

        assertThat(outcome)
                .startsWith("BpfException: opening /sys/kernel/tracing/trace_pipe failed: ENOENT")
                .contains("mount -t tracefs tracefs /sys/kernel/tracing");
    }

    private static String probe(List<String> wrapper, String... scenario) throws IOException, InterruptedException {
        assumeTrue(onPath(wrapper.get(0)), wrapper.get(0) + " is needed to start the child process");
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RestrictedProbe.class.getName());
        command.addAll(List.of(scenario));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
