package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.linux.AttachFixture.Counter;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cgroup programs on a cgroup v2 directory made for the test; shells moved into it create sockets
 * and send datagrams (bash's {@code /dev/udp}).
 */
@RequiresKernel
class CgroupAttachTest {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup/unified");

    private final NativeKernel kernel = new NativeKernel();
    private AttachFixture fixture;
    private Path cgroup;

    @BeforeEach
    void setUp() throws IOException {
        fixture = AttachFixture.load(kernel);
        cgroup = Files.createDirectory(CGROUP_ROOT.resolve("bpf4j-test-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            fixture.close();
        } finally {
            // Empty once the shells ran there have exited; rmdir is how a cgroup is removed.
            Files.delete(cgroup);
        }
    }

    @Test
    void egressProgramCountsPacketsOfProcessesInTheCgroup() {
        try (LinkHandle link = fixture.loaded.attach("count_egress", new AttachTarget.Cgroup(cgroup.toString(), null))) {
            Commands.Result result = inCgroup("echo bpf4j > /dev/udp/127.0.0.1/9 && echo sent");

            assertThat(result.output).contains("sent");
            assertThat(fixture.count(Counter.CGROUP_EGRESS)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void sockCreateProgramDeniesSocketsUntilDetached() {
        try (LinkHandle link = fixture.loaded.attach("deny_sock_create", new AttachTarget.Cgroup(cgroup.toString(), null))) {
            Commands.Result denied = inCgroup("exec 3>/dev/udp/127.0.0.1/9 && echo created");

            assertThat(denied.exitCode).isNotZero();
            assertThat(denied.output).doesNotContain("created").contains("Operation not permitted");
            assertThat(fixture.count(Counter.SOCK_CREATE)).isGreaterThanOrEqualTo(1);
        }
        assertThat(inCgroup("exec 3>/dev/udp/127.0.0.1/9 && echo created").output).contains("created");
    }

    @Test
    void explicitAttachTypeIsUsed() {
        try (LinkHandle link = fixture.loaded.attach("count_egress",
                new AttachTarget.Cgroup(cgroup.toString(), "cgroup_skb/egress"))) {
            inCgroup("echo bpf4j > /dev/udp/127.0.0.1/9");

            assertThat(fixture.count(Counter.CGROUP_EGRESS)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void missingCgroupAndBadAttachTypeAreNamed() {
        assertThatThrownBy(() -> fixture.loaded.attach("count_egress", new AttachTarget.Cgroup("/sys/fs/cgroup/unified/none-bpf4j", null)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("cgroupPath '/sys/fs/cgroup/unified/none-bpf4j'")
                .hasMessageContaining("ENOENT");
        assertThatThrownBy(() -> fixture.loaded.attach("count_egress", new AttachTarget.Cgroup(cgroup.toString(), "nonsense")))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("attachType 'nonsense'");
    }

    /** Runs a bash script in a shell that first moves itself into the test cgroup. */
    private Commands.Result inCgroup(String script) {
        return Commands.tryRun("bash", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + " && " + script);
    }
}
