package io.bpf4j.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.ProgramAccess;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed attach methods build the right target, delegate to the SPI and hand links to the owner. */
class BpfProgramAttachTest {
    private final List<Object> targets = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final BpfProgram program = Bridge.get(ProgramAccess.class, BpfProgram.class).program(recordingObject(),
            new ProgramSpec("prog", "xdp", 2, ProgramKind.XDP, ""), true, owned::add);

    @Test
    void typedAttachMethodsMakeTheirTargets() {
        program.attachUprobe("c", "getpid", 42, true);
        program.attachXdp(3, AttachTarget.XdpMode.GENERIC);
        program.attachTc(3, AttachTarget.Direction.EGRESS);
        program.attachCgroup("/sys/fs/cgroup/unified/app");
        program.attachPerfEvent(AttachTarget.PerfEvent.cpuClock(0, 99));
        BpfLink link = program.attachSocketFilter(7);

        assertThat(targets).containsExactly(
                new AttachTarget.Uprobe("c", "getpid", 0, 42, true),
                new AttachTarget.Xdp(3, AttachTarget.XdpMode.GENERIC, false),
                new AttachTarget.Tc(3, AttachTarget.Direction.EGRESS, 0, 0),
                new AttachTarget.Cgroup("/sys/fs/cgroup/unified/app", null),
                AttachTarget.PerfEvent.cpuClock(0, 99),
                new AttachTarget.SocketFilter(7));
        assertThat(owned).hasSize(6).last().isSameAs(link);
        assertThat(link.description()).isEqualTo("prog → SocketFilter[socketFd=7]");
    }

    @Test
    void testRunAndInfoDelegate() {
        assertThat(program.testRun(TestRunRequest.ofPacket(new byte[14])).returnValue()).isEqualTo(2);
        assertThat(program.info().name()).isEqualTo("prog");
    }

    private LoadedObject recordingObject() {
        return (LoadedObject) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LoadedObject.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "attach":
                            targets.add(args[1]);
                            return link(args[0] + " → " + args[1]);
                        case "testRun":
                            return new TestRunResult(2, 0, new byte[0]);
                        case "programInfo":
                            return new ProgramInfo(1, "00", (String) args[0], 0, 0);
                        default:
                            throw new AssertionError("unexpected " + method);
                    }
                });
    }

    private static LinkHandle link(String description) {
        return (LinkHandle) Proxy.newProxyInstance(BpfProgramAttachTest.class.getClassLoader(),
                new Class<?>[] {LinkHandle.class}, (proxy, method, args) -> {
                    if (method.getName().equals("description")) {
                        return description;
                    }
                    return null;
                });
    }
}
