package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.linux.AttachFixture.Counter;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.UnsupportedFeatureException;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Explicit attach of the tracing kinds; each test proves the program fired by its counter. */
@RequiresKernel
class TracingAttachTest {
    private static final int PID = (int) ProcessHandle.current().pid();

    private final NativeKernel kernel = new NativeKernel();
    private AttachFixture fixture;

    @BeforeEach
    void load() {
        fixture = AttachFixture.load(kernel);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void tracepointFiresOnTheSyscall() {
        try (LinkHandle link = fixture.loaded.attach("on_getpid_tp", new AttachTarget.Tracepoint("syscalls", "sys_enter_getpid"))) {
            callGetpid(3);

            assertThat(fixture.count(Counter.TRACEPOINT)).isEqualTo(3);
            assertThat(link.description()).isEqualTo("on_getpid_tp → tracepoint syscalls/sys_enter_getpid");
        }
    }

    @Test
    void rawTracepointFires() {
        try (LinkHandle link = fixture.loaded.attach("on_sys_enter_raw", new AttachTarget.RawTracepoint("sys_enter"))) {
            callGetpid(3);

            assertThat(fixture.count(Counter.RAW_TRACEPOINT)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void tpBtfFiresAtTheTracepointChosenAtLoad() {
        try (LinkHandle link = fixture.loaded.attach("on_sys_enter_btf", new AttachTarget.Tracing())) {
            callGetpid(3);

            assertThat(fixture.count(Counter.TP_BTF)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void detachedProgramsStopFiring() {
        LinkHandle link = fixture.loaded.attach("on_getpid_tp", new AttachTarget.Tracepoint("syscalls", "sys_enter_getpid"));
        callGetpid(1);
        link.close();
        link.close();

        callGetpid(2);

        assertThat(fixture.count(Counter.TRACEPOINT)).isEqualTo(1);
    }

    @Test
    void uprobeOnLibcByShortNameFiresForEveryProcessOrOne() {
        try (LinkHandle all = fixture.loaded.attach("on_uprobe",
                new AttachTarget.Uprobe("c", "getpid", 0, AttachTarget.Uprobe.ALL_PROCESSES, false))) {
            CLibrary.getpid();
            CLibrary.getpid();

            assertThat(fixture.count(Counter.UPROBE)).isEqualTo(2);
            assertThat(all.description()).isEqualTo("on_uprobe → uprobe c:getpid");
        }
        try (LinkHandle own = fixture.loaded.attach("on_uprobe", new AttachTarget.Uprobe("c", "getpid", 0, PID, false))) {
            CLibrary.getpid();

            assertThat(fixture.count(Counter.UPROBE)).isEqualTo(3);
        }
    }

    @Test
    void uretprobeSeesTheReturnValue() {
        try (LinkHandle link = fixture.loaded.attach("on_uretprobe",
                new AttachTarget.Uprobe("libc.so.6", "getpid", 0, PID, true))) {
            int pid = CLibrary.getpid();

            assertThat(fixture.count(Counter.URETPROBE)).isEqualTo(1);
            assertThat(fixture.count(Counter.URETPROBE_VALUE)).isEqualTo(pid);
        }
    }

    @Test
    void perfEventSamplesCpuZero() {
        try (LinkHandle link = fixture.loaded.attach("on_perf_event", AttachTarget.PerfEvent.cpuClock(0, 2000))) {
            // cpu-clock samples CPU 0 whoever runs there, idle included; wait for the first samples.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (fixture.count(Counter.PERF_EVENT) < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            assertThat(fixture.count(Counter.PERF_EVENT)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void taskIteratorListsThisProcess() throws IOException {
        try (LinkHandle link = fixture.loaded.attach("dump_task", new AttachTarget.Iterator())) {
            String first;
            try (InputStream in = link.openIterator()) {
                first = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            String second;
            try (InputStream in = link.openIterator()) {
                second = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }

            // One line per thread: "tgid tid"; this JVM's main thread has tid == tgid.
            assertThat(first).contains("\n" + PID + " " + PID + "\n");
            assertThat(second).contains("\n" + PID + " " + PID + "\n");
        }
    }

    @Test
    void kprobeFailsWithTheMissingKernelConfig() {
        try (OpenObject open = kernel.openObject("kprobe_fixture", Fixtures.object(Fixtures.KPROBE));
                LoadedObject loaded = open.load()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(KernelConfig.config("CONFIG_KPROBES").equals(Optional.of(false)),
                    "this kernel has kprobes");
            assertThatThrownBy(() -> loaded.attach("count_unlinkat", new AttachTarget.Kprobe("do_unlinkat", 0, false)))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.feature()).isEqualTo("kprobes: CONFIG_KPROBES is not set"))
                    .hasMessageStartingWith("attaching program 'count_unlinkat' to kprobe do_unlinkat failed: ENOENT");
            assertThatThrownBy(() -> loaded.attach("count_unlinkat", new AttachTarget.Kprobe("do_unlinkat", 0, true)))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.feature()).isEqualTo("kprobes: CONFIG_KPROBES is not set"));
        }
    }

    @Test
    void lsmProgramsFailToLoadWithoutTrampolines() {
        org.junit.jupiter.api.Assumptions.assumeTrue(kernel.features().whyNot(io.bpf4j.spec.ProgramKind.LSM).isPresent(),
                "this kernel runs LSM programs");
        try (OpenObject open = kernel.openObject("lsm_fixture", Fixtures.object("lsm_fixture.bpf.o"))) {
            assertThatThrownBy(open::load)
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EPERM);
                        assertThat(e.feature()).isEqualTo(LoadFailures.NO_TRAMPOLINES);
                    })
                    .hasMessageStartingWith("loading program 'on_file_open' (lsm/file_open) failed: EPERM");
        }
    }

    @Test
    void invalidTargetsNameTheArgument() {
        LoadedObject loaded = fixture.loaded;
        assertThatThrownBy(() -> loaded.attach("on_getpid_tp", new AttachTarget.Tracepoint("syscalls", "sys_enter_nothing")))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("no tracepoint 'syscalls/sys_enter_nothing'");
        assertThatThrownBy(() -> loaded.attach("on_uprobe", new AttachTarget.Uprobe("c", "no_such_function_bpf4j", 0, -1, false)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("symbol 'no_such_function_bpf4j' not found in /");
        assertThatThrownBy(() -> loaded.attach("on_uprobe", new AttachTarget.Uprobe("nosuchlib_bpf4j", "f", 0, -1, false)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("binary 'nosuchlib_bpf4j'")
                .hasMessageContaining("ENOENT");
        assertThatThrownBy(() -> loaded.attach("on_uprobe", new AttachTarget.Uprobe("c", "getpid", 0, 999_999_999, false)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("pid 999999999: no such process");
        assertThatThrownBy(() -> loaded.attach("on_perf_event", AttachTarget.PerfEvent.cpuClock(4096, 99)))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("cpu 4096");
        assertThatThrownBy(() -> loaded.attach("on_perf_event", new AttachTarget.PerfEvent(0, 0, 1000, false, 0, -1)))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.feature()).startsWith("perf events of type 0: no such PMU"));
        assertThatThrownBy(() -> new AttachTarget.Uprobe("c", "getpid", 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pid");
    }

    private static void callGetpid(int times) {
        for (int i = 0; i < times; i++) {
            Fixtures.getpid();
        }
    }
}
