package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.linux.AttachFixture.Counter;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.ProgramInfo;
import io.bpf4j.program.RunStatistics;
import io.bpf4j.program.TestRunRequest;
import io.bpf4j.program.TestRunResult;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Programs beyond attaching: test runs, info and run statistics, verifier logs, pinned links. */
@RequiresKernel
class ProgramsTest {
    private static final int XDP_TX = 3;

    private final NativeKernel kernel = new NativeKernel();

    @Test
    void testRunReturnsTheVerdictAndTheModifiedPacket() {
        try (AttachFixture fixture = AttachFixture.load(kernel)) {
            byte[] frame = new byte[64];
            Arrays.fill(frame, (byte) 0x11);

            TestRunResult result = fixture.loaded.testRun("mark_and_bounce", TestRunRequest.ofPacket(frame));

            assertThat(result.returnValue()).isEqualTo(XDP_TX);
            assertThat(result.dataOut()).hasSize(64);
            assertThat(result.dataOut()[0]).isEqualTo((byte) 0xAA);
            assertThat(Arrays.copyOfRange(result.dataOut(), 1, 64)).isEqualTo(Arrays.copyOfRange(frame, 1, 64));
        }
    }

    @Test
    void testRunExplainsAnInputTheKernelRefuses() {
        try (AttachFixture fixture = AttachFixture.load(kernel)) {
            assertThatThrownBy(() -> fixture.loaded.testRun("mark_and_bounce", TestRunRequest.ofPacket(new byte[4])))
                    .isInstanceOf(BpfException.class)
                    .hasMessageStartingWith("test-running program 'mark_and_bounce' (xdp) failed: EINVAL")
                    .hasMessageContaining("data of 4 bytes");
        }
    }

    @Test
    void programInfoCountsRunsWhileStatisticsAreEnabled() {
        try (AttachFixture fixture = AttachFixture.load(kernel)) {
            TestRunRequest tenRuns = TestRunRequest.ofPacket(new byte[64]).repeated(10);
            ProgramInfo before = fixture.loaded.programInfo("mark_and_bounce");

            try (RunStatistics stats = fixture.loaded.enableRunStatistics()) {
                fixture.loaded.testRun("mark_and_bounce", tenRuns);
                stats.close();
            }
            ProgramInfo after = fixture.loaded.programInfo("mark_and_bounce");

            assertThat(before.id()).isPositive().isEqualTo(after.id());
            assertThat(before.tag()).matches("[0-9a-f]{16}");
            assertThat(before.name()).isEqualTo("mark_and_bounce");
            assertThat(before.runCount()).isZero();
            assertThat(after.runCount()).isEqualTo(10);
            assertThat(after.runTimeNanos()).isPositive();
        }
    }

    @Test
    void verifierLogOfASuccessfulLoadOnRequest() {
        try (OpenObject open = kernel.openObject("attach_kinds", Fixtures.object(AttachFixture.OBJECT))) {
            open.setLogLevel("mark_and_bounce", 1);

            try (LoadedObject loaded = open.load()) {
                assertThat(loaded.verifierLog("mark_and_bounce")).contains("processed").contains("insns");
                assertThat(loaded.verifierLog("count_xdp")).isEmpty();
            }
        }
    }

    @Test
    void aPinnedLinkOutlivesItsHandleUntilUnpinned(@TempDir Path bpffs) throws Exception {
        Commands.run("mount", "-t", "bpf", "bpf", bpffs.toString());
        try (AttachFixture fixture = AttachFixture.load(kernel)) {
            Path pin = bpffs.resolve("getpid_link");
            LinkHandle link = fixture.loaded.attach("on_getpid_tp", new AttachTarget.Tracepoint("syscalls", "sys_enter_getpid"));
            link.pin(pin.toString());
            link.close();

            Fixtures.getpid();

            assertThat(Files.exists(pin)).isTrue();
            assertThat(fixture.count(Counter.TRACEPOINT)).isEqualTo(1);
            Files.delete(pin);
        } finally {
            Commands.run("umount", bpffs.toString());
        }
    }

    @Test
    void pinningOutsideABpfFileSystemIsExplained(@TempDir Path notBpffs) {
        try (AttachFixture fixture = AttachFixture.load(kernel);
                LinkHandle link = fixture.loaded.attach("on_getpid_tp", new AttachTarget.Tracepoint("syscalls", "sys_enter_getpid"))) {
            assertThatThrownBy(() -> link.pin(notBpffs.resolve("link").toString()))
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining("mounted BPF file system");
        }
    }
}
