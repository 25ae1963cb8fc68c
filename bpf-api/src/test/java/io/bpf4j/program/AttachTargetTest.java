package io.bpf4j.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttachTargetTest {
    @Test
    void argumentsAreCheckedWhereTheTargetIsMadeAndNamed() {
        assertThatThrownBy(() -> new AttachTarget.Tracepoint("", "sys_enter_openat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("category must not be empty");
        assertThatThrownBy(() -> new AttachTarget.Uprobe("c", "getpid", -1, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must not be negative, not -1");
        assertThatThrownBy(() -> new AttachTarget.Uprobe("c", "getpid", 0, -7, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pid must be a process id or -1");
        assertThatThrownBy(() -> new AttachTarget.Xdp(0, AttachTarget.XdpMode.ANY, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ifindex");
        assertThatThrownBy(() -> new AttachTarget.Tc(3, AttachTarget.Direction.INGRESS, 0, 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> new AttachTarget.PerfEvent(1, 0, 0, true, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samplePeriodOrFrequency");
        assertThatThrownBy(() -> new AttachTarget.PerfEvent(1, 0, 99, true, -1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both -1");
        assertThatThrownBy(() -> new AttachTarget.SocketFilter(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socketFd");
    }

    @Test
    void cpuClockSamplesEveryProcessOnOneCpuByFrequency() {
        AttachTarget.PerfEvent event = AttachTarget.PerfEvent.cpuClock(1, 99);

        assertThat(event).isEqualTo(new AttachTarget.PerfEvent(AttachTarget.PerfEvent.TYPE_SOFTWARE,
                AttachTarget.PerfEvent.SW_CPU_CLOCK, 99, true, 1, -1));
    }

    @Test
    void testRunRequestsAndResultsCopyTheirBytes() {
        byte[] packet = {1, 2, 3};
        TestRunRequest request = TestRunRequest.ofPacket(packet);
        packet[0] = 9;
        request.data()[1] = 9;

        assertThat(request.data()).containsExactly(1, 2, 3);
        assertThat(request.dataOutCapacity()).isEqualTo(3 + 256);
        assertThat(request.repeated(5).repeat()).isEqualTo(5);
        assertThat(new TestRunResult(2, 10, packet).dataOut()).containsExactly(9, 2, 3);
    }

    @Test
    void programInfoTagIsHexAsBpftoolPrintsIt() {
        assertThat(ProgramInfo.tagOf(new byte[] {0x0a, (byte) 0xff, 0, 1, 2, 3, 4, 5})).isEqualTo("0aff000102030405");
    }
}
