package io.bpf4j.test.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.tools.TraceLine;
import io.bpf4j.trace.TracePipe;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.VerifierException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Objects, data sections, programs, links, the trace pipe and the leak check of the fake kernel. */
class FakeObjectTest {
    private final FakeKernel kernel = new FakeKernel();

    @Test
    void dataSectionsStartWithTheElfsValuesAndRodataIsFrozenAtLoad() {
        try (OpenObject open = kernel.backend().openObject(Fixture.NAME, Fixture.bytes())) {
            ByteBuffer rodata = open.initialData(".rodata");
            assertThat(rodata.getInt(0)).as("limit's initial value").isEqualTo(7);
            rodata.putInt(0, 9);
            assertThat(open.initialData(".data").getInt(0)).as("seed").isEqualTo(42);
            try (FakeObject object = (FakeObject) open.load()) {
                assertThat(object.data(".rodata").getInt(0)).isEqualTo(9);
                assertThatThrownBy(() -> object.data(".rodata").putInt(0, 1)).isInstanceOf(ReadOnlyBufferException.class);

                object.data(".bss").putLong(0, 5); // the test plays the program counting
                ByteBuffer value = Fixture.buffer(8);
                assertThat(object.map(".bss").lookup(Fixture.u32(0), value)).isTrue();
                assertThat(value.getLong(0)).isEqualTo(5);
                assertThat(object.map("fake_fix.bss")).isSameAs(object.map(".bss"));
            }
        }
        kernel.assertNoLeaks();
    }

    @Test
    void theVerifierRejectsTheProgramTheTestNames() {
        kernel.rejectProgram("on_getpid", "0: R1=ctx\ninvalid mem access 'scalar'\nprocessed 3 insns");
        OpenObject open = kernel.backend().openObject(Fixture.NAME, Fixture.bytes());

        assertThatThrownBy(open::load).isInstanceOfSatisfying(VerifierException.class, e -> {
            assertThat(e.program()).isEqualTo("on_getpid");
            assertThat(e.verifierLog()).contains("invalid mem access");
            assertThat(e.errno()).isEqualTo(Errno.EACCES);
        });
        open.setAutoload("on_getpid", false);
        try (FakeObject object = (FakeObject) open.load()) {
            assertThatThrownBy(() -> object.program("on_getpid")).isInstanceOf(BpfException.class)
                    .hasMessageContaining("autoload");
        }
    }

    @Test
    void attachRecordsKindAndTargetAndClosingDetaches() {
        try (FakeObject object = Fixture.load(kernel)) {
            LinkHandle link = object.attach("on_getpid");
            assertThat(kernel.isAttached("on_getpid", ProgramKind.TRACEPOINT, "syscalls/sys_enter_getpid")).isTrue();
            assertThat(link.description()).isEqualTo("on_getpid → tp/syscalls/sys_enter_getpid");
            LinkHandle xdp = object.attach("pass_all", new AttachTarget.Xdp(3, AttachTarget.XdpMode.GENERIC, false));
            assertThat(kernel.attachments()).extracting(Attachment::toString).containsExactly(
                    "fake_fixture:on_getpid → tracepoint syscalls/sys_enter_getpid",
                    "fake_fixture:pass_all → xdp ifindex 3 generic");

            link.close();
            link.close();

            assertThat(kernel.isAttached("on_getpid", ProgramKind.TRACEPOINT, "syscalls/sys_enter_getpid")).isFalse();
            assertThat(kernel.attachHistory()).hasSize(2);
            assertThatThrownBy(() -> object.attach("pass_all")).isInstanceOfSatisfying(BpfException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP));
            xdp.close();
        }
        assertThat(kernel.attachments()).isEmpty();
    }

    @Test
    void anXdpLinkSwapsItsProgramAndATracepointLinkCannot() {
        try (FakeObject object = Fixture.load(kernel)) {
            LinkHandle xdp = object.attach("pass_all", new AttachTarget.Xdp(3, AttachTarget.XdpMode.ANY, false));
            LinkHandle tracepoint = object.attach("on_getpid");

            xdp.update("drop_all");

            assertThat(kernel.isAttached("drop_all", ProgramKind.XDP, "ifindex 3 any")).isTrue();
            assertThat(kernel.isAttached("pass_all", ProgramKind.XDP, "ifindex 3 any")).isFalse();
            assertThatThrownBy(() -> xdp.update("on_getpid")).isInstanceOfSatisfying(BpfException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
            assertThatThrownBy(() -> tracepoint.update("on_getpid")).isInstanceOfSatisfying(BpfException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
            assertThatThrownBy(() -> object.attach("on_getpid")).as("attached there already")
                    .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
            xdp.close();
            assertThat(kernel.attachments()).extracting(Attachment::programName).containsExactly("on_getpid");
        }
    }

    @Test
    void aKernelWithoutAFeatureRefusesItsAttachKindByName() {
        kernel.withoutFeature(ProgramKind.KPROBE, "kprobes: CONFIG_KPROBES is not set");
        try (FakeObject object = Fixture.load(kernel)) {
            assertThatThrownBy(() -> object.attach("on_nanosleep"))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.feature()).isEqualTo("kprobes: CONFIG_KPROBES is not set"));
        }
        assertThat(kernel.features().attachKind(ProgramKind.KPROBE)).isFalse();
        assertThat(kernel.features().whyNot(ProgramKind.KPROBE)).contains("kprobes: CONFIG_KPROBES is not set");
        assertThat(kernel.features().attachKind(ProgramKind.TRACEPOINT)).isTrue();
    }

    @Test
    void closingTheObjectDetachesAndUnmapsEverything() {
        FakeObject object = Fixture.load(kernel);
        object.attach("on_getpid");
        object.ringBuffer("ring");
        assertThat(kernel.openResources()).hasSize(3);

        object.close();

        assertThat(kernel.attachments()).isEmpty();
        kernel.assertNoLeaks();
    }

    @Test
    void theLeakCheckNamesWhatIsStillOpen() {
        FakeObject object = Fixture.load(kernel);
        LinkHandle link = object.attach("on_getpid");
        TracePipe pipe = kernel.openTracePipe();

        assertThatThrownBy(kernel::assertNoLeaks).isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 resource(s) left open")
                .hasMessageContaining("loaded object 'fake_fixture'")
                .hasMessageContaining("link on_getpid")
                .hasMessageContaining("trace pipe");
        link.close();
        pipe.close();
        object.close();
        kernel.assertNoLeaks();
    }

    @Test
    void injectedTraceLinesAreReadInTheKernelsFormat() {
        kernel.printk(4242, "bash", "hello from BPF");
        try (TracePipe pipe = kernel.openTracePipe()) {
            TraceLine line = TraceLine.parse(pipe.readLine(Duration.ofSeconds(1))).orElseThrow();
            assertThat(line.pid()).isEqualTo(4242);
            assertThat(line.task()).isEqualTo("bash");
            assertThat(line.isBpfPrintk()).isTrue();
            assertThat(line.message()).isEqualTo("hello from BPF");
            assertThat(pipe.readLine(Duration.ZERO)).isNull();
        }
    }

    @Test
    void failuresCanBeInjectedIntoOpenLoadAndAttach() {
        kernel.faults().failNth(FaultPoint.LOAD_OBJECT, Fixture.NAME, 1, Errno.ENOMEM)
                .failAlways(FaultPoint.ATTACH, Faults.ANY_TARGET, Errno.EBUSY);
        try (OpenObject open = kernel.backend().openObject(Fixture.NAME, Fixture.bytes())) {
            assertThatThrownBy(open::load).isInstanceOfSatisfying(BpfException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
            try (FakeObject object = (FakeObject) open.load()) {
                assertThatThrownBy(() -> object.attach("on_getpid")).hasMessageContaining("EBUSY");
            }
        }
        assertThatThrownBy(() -> kernel.backend().openObject("junk", new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("opening object 'junk'");
        kernel.assertNoLeaks();
    }
}
