package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.BpfLink;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cgroup hooks beyond cgroup_skb and sock_create (sock_addr, sockops, device, sysctl), each
 * attached with {@link BpfProgram#attachCgroup} to a cgroup made for the test. The work is done by
 * a shell that first moves itself into the cgroup, so only its actions reach the programs; each
 * program records what it saw in cgroup_kinds.bpf.c's {@code seen}.
 */
@RequiresKernel
class CgroupKindsTest {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup/unified");
    /** Offsets in {@code seen}. */
    private static final int CONNECT4 = 0;
    private static final int CONNECT4_PORT = 8;
    private static final int SOCKOPS_OPS = 16;
    private static final int DEVICE_DENIED = 24;
    private static final int SYSCTL_READS = 32;
    private static final int SYSCTL_NAME = 40;
    private static final int SYSCTL_NAME_SIZE = 64;
    /** {@code BPF_SOCK_OPS_TCP_CONNECT_CB} and {@code BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB}. */
    private static final int TCP_CONNECT_CB = 3;
    private static final int ACTIVE_ESTABLISHED_CB = 4;

    private LoadedObject loaded;
    private Path cgroup;

    @BeforeEach
    void setUp() throws IOException {
        try (OpenObject open = new NativeKernel().openObject("cgroup_kinds", Fixtures.object("cgroup_kinds.bpf.o"))) {
            loaded = open.load();
        }
        cgroup = Files.createDirectory(CGROUP_ROOT.resolve("bpf4j-kinds-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            loaded.close();
        } finally {
            // The shells run there have exited, so the cgroup is empty and rmdir removes it.
            Files.delete(cgroup);
        }
    }

    @Test
    void connect4ProgramSeesConnectsToLoopback() {
        try (BpfLink link = program("count_connect4", "cgroup/connect4").attachCgroup(cgroup.toString())) {
            Commands.Result result = inCgroup("exec 3>/dev/udp/127.0.0.1/4321 && echo connected");

            assertThat(result.output).contains("connected");
            assertThat(seen(CONNECT4)).isEqualTo(1);
            assertThat(seen(CONNECT4_PORT)).isEqualTo(4321);
        }
    }

    @Test
    void sockopsProgramSeesTheTcpConnectionOfTheCgroup() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                BpfLink link = program("record_sockops", "sockops").attachCgroup(cgroup.toString())) {
            Commands.Result result = inCgroup("exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected");
            try (Socket accepted = server.accept()) {
                assertThat(accepted.isConnected()).isTrue();
            }

            assertThat(result.output).contains("connected");
            assertThat(seen(SOCKOPS_OPS) & (1L << TCP_CONNECT_CB)).as("TCP connect callback").isNotZero();
            assertThat(seen(SOCKOPS_OPS) & (1L << ACTIVE_ESTABLISHED_CB)).as("active established callback").isNotZero();
        }
    }

    @Test
    void deviceProgramDeniesDevNullUntilDetached() {
        try (BpfLink link = program("deny_dev_null", "cgroup/dev").attachCgroup(cgroup.toString())) {
            Commands.Result denied = inCgroup("cat /dev/null && echo opened");

            assertThat(denied.exitCode).isNotZero();
            assertThat(denied.output).doesNotContain("opened").contains("Operation not permitted");
            assertThat(seen(DEVICE_DENIED)).isGreaterThanOrEqualTo(1);
        }
        assertThat(inCgroup("cat /dev/null && echo opened").output).contains("opened");
    }

    @Test
    void sysctlProgramSeesTheReadAndItsName() {
        try (BpfLink link = program("record_sysctl_read", "cgroup/sysctl").attachCgroup(cgroup.toString())) {
            Commands.Result result = inCgroup("cat /proc/sys/kernel/ostype");

            assertThat(result.output).contains("Linux");
            assertThat(seen(SYSCTL_READS)).isGreaterThanOrEqualTo(1);
            assertThat(sysctlName()).isEqualTo("kernel/ostype");
        }
    }

    @Test
    void aSockAddrProgramAtAnotherHookIsRefusedNamingTheAttachType() {
        BpfProgram connect4 = program("count_connect4", "cgroup/connect4");

        assertThatThrownBy(() -> connect4.attach(new AttachTarget.Cgroup(cgroup.toString(), "cgroup/connect6")))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("EINVAL")
                .hasMessageContaining("attach type 'cgroup/connect6' does not fit the program's type");
    }

    private BpfProgram program(String name, String section) {
        // The links are closed by the tests; nothing else owns them.
        return ApiObjects.program(loaded, name, section);
    }

    private long seen(int offset) {
        return loaded.data(".bss").getLong(offset);
    }

    private String sysctlName() {
        ByteBuffer bss = loaded.data(".bss");
        byte[] name = new byte[SYSCTL_NAME_SIZE];
        bss.get(SYSCTL_NAME, name);
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8);
    }

    /** Runs a bash script in a shell that first moves itself into the test cgroup. */
    private Commands.Result inCgroup(String script) {
        return Commands.tryRun("bash", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + " && " + script);
    }
}
