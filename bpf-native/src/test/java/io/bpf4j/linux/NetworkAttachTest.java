package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.linux.AttachFixture.Counter;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.AttachTarget.Direction;
import io.bpf4j.program.AttachTarget.XdpMode;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.UnsupportedFeatureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Packet programs on the host side of a veth pair whose peer lives in a network namespace of its
 * own; packets come from the namespace. Each test proves its program saw them.
 */
@RequiresKernel
class NetworkAttachTest {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;

    private final NativeKernel kernel = new NativeKernel();
    private AttachFixture fixture;
    private VethPair veth;

    @BeforeEach
    void setUp() {
        fixture = AttachFixture.load(kernel);
        veth = VethPair.create();
    }

    @AfterEach
    void tearDown() {
        try {
            fixture.close();
        } finally {
            veth.close();
        }
    }

    @Test
    void xdpGenericSeesIncomingPackets() {
        try (LinkHandle link = fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(veth.hostIndex(), XdpMode.GENERIC, false))) {
            assertThat(veth.hostLink()).contains("xdpgeneric");

            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.XDP)).isGreaterThanOrEqualTo(3);
        }
        assertThat(veth.hostLink()).doesNotContain("xdp");
    }

    @Test
    void xdpNativeOnVethSeesIncomingPackets() {
        try (LinkHandle link = fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(veth.hostIndex(), XdpMode.DRIVER, false))) {
            assertThat(veth.hostLink()).contains("xdp").doesNotContain("xdpgeneric");

            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.XDP)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void xdpLinkUpdateSwapsTheProgram() {
        try (LinkHandle link = fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(veth.hostIndex(), XdpMode.ANY, false))) {
            link.update("count_xdp_second");
            // The new peer's own chatter (IPv6 neighbour discovery) may have reached the first program.
            long firstBefore = fixture.count(Counter.XDP);

            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.XDP_SECOND)).isGreaterThanOrEqualTo(3);
            assertThat(fixture.count(Counter.XDP)).isEqualTo(firstBefore);
        }
    }

    @Test
    void xdpReplaceTakesTheInterfaceWithoutALinkAndCloseRemovesIt() {
        LinkHandle first = fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(veth.hostIndex(), XdpMode.GENERIC, true));
        try (LinkHandle second = fixture.loaded.attach("count_xdp_second",
                new AttachTarget.Xdp(veth.hostIndex(), XdpMode.GENERIC, true))) {
            long firstBefore = fixture.count(Counter.XDP);

            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.XDP_SECOND)).isGreaterThanOrEqualTo(3);
            assertThat(fixture.count(Counter.XDP)).isEqualTo(firstBefore);
            assertThatThrownBy(() -> second.pin("/sys/fs/bpf/never"))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("not a BPF link");
        }
        first.close();
        assertThat(veth.hostLink()).doesNotContain("xdp");
    }

    @Test
    void secondXdpLinkOnTheSameInterfaceIsRefusedWithAHint() {
        try (LinkHandle link = fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(veth.hostIndex(), XdpMode.GENERIC, false))) {
            assertThatThrownBy(() -> fixture.loaded.attach("count_xdp_second",
                    new AttachTarget.Xdp(veth.hostIndex(), XdpMode.GENERIC, false)))
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining("already runs an XDP program");
        }
    }

    @Test
    void tcIngressFilterSeesIncomingPacketsAndIsRemovedOnClose() {
        try (LinkHandle link = fixture.loaded.attach("count_tc", new AttachTarget.Tc(veth.hostIndex(), Direction.INGRESS, 0, 0))) {
            assertThat(Commands.run("tc", "filter", "show", "dev", veth.hostSide, "ingress")).contains("count_tc");

            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.TC)).isGreaterThanOrEqualTo(3);
        }
        assertThat(Commands.run("tc", "filter", "show", "dev", veth.hostSide, "ingress")).doesNotContain("count_tc");
    }

    @Test
    void tcxIngressLinkSeesIncomingPackets() {
        try (LinkHandle link = fixture.loaded.attach("count_tcx", new AttachTarget.Tcx(veth.hostIndex(), Direction.INGRESS))) {
            veth.sendUdpToHost();

            assertThat(fixture.count(Counter.TCX)).isGreaterThanOrEqualTo(3);
            assertThat(link.description()).isEqualTo("count_tcx → tcx ingress on ifindex " + veth.hostIndex());
        }
    }

    @Test
    void socketFilterSeesDatagramsOfASocketPair() {
        int[] fds = new int[2];
        assertThat(LibC.socketpair(AF_UNIX, SOCK_DGRAM, 0, fds)).isZero();
        try (Memory message = new Memory(5)) {
            message.write(0, "hello".getBytes(), 0, 5);
            try (LinkHandle link = fixture.loaded.attach("count_socket", new AttachTarget.SocketFilter(fds[1]))) {
                assertThat(LibC.write(fds[0], Pointer.nativeValue(message), 5)).isEqualTo(5);
                assertThat(LibC.write(fds[0], Pointer.nativeValue(message), 5)).isEqualTo(5);

                assertThat(fixture.count(Counter.SOCKET)).isEqualTo(2);
                // The filter returns the full length, so the datagram arrives whole.
                assertThat(LibC.read(fds[1], Pointer.nativeValue(message), 5)).isEqualTo(5);
            }
            LibC.write(fds[0], Pointer.nativeValue(message), 5);
            assertThat(fixture.count(Counter.SOCKET)).isEqualTo(2);
        } finally {
            LibC.close(fds[0]);
            LibC.close(fds[1]);
        }
    }

    @Test
    void missingInterfacesAndSocketsAreNamed() {
        assertThatThrownBy(() -> fixture.loaded.attach("count_xdp", new AttachTarget.Xdp(999_999, XdpMode.GENERIC, false)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("ifindex 999999: no such network interface");
        assertThatThrownBy(() -> fixture.loaded.attach("count_tc", new AttachTarget.Tc(999_999, Direction.EGRESS, 0, 0)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("ifindex 999999");
        assertThatThrownBy(() -> fixture.loaded.attach("count_tcx", new AttachTarget.Tcx(999_999, Direction.EGRESS)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("ifindex 999999: no such network interface");
        assertThatThrownBy(() -> fixture.loaded.attach("count_socket", new AttachTarget.SocketFilter(99_999)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("socketFd 99999 is not an open socket");
    }
}
