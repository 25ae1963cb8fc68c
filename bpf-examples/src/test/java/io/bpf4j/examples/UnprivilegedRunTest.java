package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.examples.cli.ToolFailure;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the tools as {@code nobody} with chosen capabilities, which is what README's "Privileges"
 * states: without CAP_BPF + CAP_PERFMON a tool names them; with only those it names the tracefs
 * file it cannot read; with CAP_DAC_READ_SEARCH as well both tools run. Each failure is one line
 * on stderr with status 77, no stack trace. Needs root to switch users, hence {@link RequiresKernel}.
 *
 * <p>The child runs from a copy of the class path in a directory everyone may read: the clone
 * itself may be in a directory nobody cannot enter.
 */
@RequiresKernel
class UnprivilegedRunTest {
    private static final List<String> AS_NOBODY =
            List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    private static final List<String> NO_CAPABILITIES = List.of("--inh-caps=-all", "--bounding-set=-all");
    private static final List<String> BPF_AND_PERFMON =
            List.of("--inh-caps=-all,+bpf,+perfmon", "--ambient-caps=+bpf,+perfmon");
    private static final List<String> BPF_PERFMON_AND_DAC_READ_SEARCH = List.of(
            "--inh-caps=-all,+bpf,+perfmon,+dac_read_search", "--ambient-caps=+bpf,+perfmon,+dac_read_search");

    @TempDir
    static Path dir;
    private static String classPath;
    private static Path jnaTmp;

    @BeforeAll
    static void copyTheClassPathWhereNobodyCanReadIt() throws IOException {
        classPath = ChildTool.readableClassPath(dir);
        jnaTmp = ChildTool.sharedTempDir(dir);
    }

    private static ChildTool.Result asNobody(List<String> capabilities, String... args) throws Exception {
        List<String> prefix = new ArrayList<>(AS_NOBODY);
        prefix.addAll(capabilities);
        return ChildTool.run(ChildTool.command(classPath, prefix, List.of("-Djna.tmpdir=" + jnaTmp), args), dir, 60);
    }

    @Test
    void withoutCapabilitiesAToolNamesTheMissingOnes() throws Exception {
        ChildTool.Result result = asNobody(NO_CAPABILITIES, "opensnoop", "-d", "1");

        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isEqualTo(ToolFailure.NO_PERMISSION);
        assertThat(result.stderr().strip().lines()).as("stderr: %s", result.stderr()).hasSize(1);
        assertThat(result.stderr()).startsWith("opensnoop: ").contains("CAP_BPF").doesNotContain("\tat ", "Exception");
        assertThat(result.stdout()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"opensnoop", "minimal"})
    void withOnlyCapBpfAndCapPerfmonAToolNamesTheTracefsFileItCannotRead(String tool) throws Exception {
        ChildTool.Result result = asNobody(BPF_AND_PERFMON, tool, "-d", "1");

        String file = tool.equals("opensnoop") ? "/events/syscalls/sys_enter_openat/id" : "/trace_pipe";
        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isEqualTo(ToolFailure.NO_PERMISSION);
        assertThat(result.stderr().strip().lines()).as("stderr: %s", result.stderr()).singleElement().asString()
                .startsWith(tool + ": ")
                .contains("EACCES", "needs read access to /sys/kernel/tracing" + file)
                .containsPattern("\\(/sys/kernel/tracing\\S* is mode 0[0-7]{3}, owner \\w+:\\w+\\)")
                .contains("CAP_DAC_READ_SEARCH", "gid=")
                .doesNotContain("lockdown", "Exception");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void withCapDacReadSearchAsWellOpensnoopRuns() throws Exception {
        ChildTool.Result result = asNobody(BPF_PERFMON_AND_DAC_READ_SEARCH, "opensnoop", "-d", "1");

        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout().lines()).first().asString().matches("TIME\\s+PID\\s+COMM\\s+FILE");
    }

    @Test
    void withCapDacReadSearchAsWellMinimalRunsAndSeesWrites() throws Exception {
        Activity writes = Activity.writing(dir.resolve("writes")); // minimal reports every process's but its own
        ChildTool.Result result;
        try {
            result = asNobody(BPF_PERFMON_AND_DAC_READ_SEARCH, "minimal", "-d", "2");
        } finally {
            writes.close();
        }

        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).contains("bpf_trace_printk: BPF triggered from PID ");
    }
}
