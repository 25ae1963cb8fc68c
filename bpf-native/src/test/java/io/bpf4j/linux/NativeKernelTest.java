package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.test.RequiresKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

@RequiresKernel
class NativeKernelTest {
    private final NativeKernel kernel = new NativeKernel();

    @Test
    void isTheDefaultBackendAndNamesKernelAndLibbpf() {
        KernelBackend backend = Backends.system();

        assertThat(backend).isInstanceOf(NativeKernel.class);
        assertThat(backend.name()).startsWith("kernel " + System.getProperty("os.version")).contains("via libbpf 1.");
    }

    @Test
    void libbpfIsAtLeastOneZero() {
        String[] version = LibbpfVersion.version().split("\\.");

        assertThat(Integer.parseInt(version[0])).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(version[1])).isGreaterThanOrEqualTo(0);
    }

    @Test
    void openOptionsHaveLibbpfsLayout() {
        // sizeof(struct bpf_object_open_opts) in libbpf 1.1's <bpf/libbpf.h>
        assertThat(new LibBpf.BpfObjectOpenOpts(Pointer.NULL).size()).isEqualTo(80);
    }

    @Test
    void opensLoadsAndDescribesMapsAndPrograms() {
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
                LoadedObject loaded = open.load()) {
            ProgramHandle program = loaded.program("count_getpid");
            MapHandle counts = loaded.map("counts");
            MapHandle events = loaded.map("events");

            assertThat(program.fd()).isPositive();
            assertThat(program.name()).isEqualTo("count_getpid");
            assertThat(program.sectionName()).isEqualTo("tp/syscalls/sys_enter_getpid");
            assertThat(counts.type()).isEqualTo(MapType.HASH);
            assertThat(counts.keySize()).isEqualTo(4);
            assertThat(counts.valueSize()).isEqualTo(8);
            assertThat(counts.maxEntries()).isEqualTo(4);
            assertThat(events.type()).isEqualTo(MapType.RINGBUF);
            assertThat(events.maxEntries()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void rodataWrittenBeforeLoadReachesTheProgramAndBssCountsItsRuns() {
        long marker = 0x5EED_0000_0000_0001L;
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            ByteBuffer rodata = open.initialData(".rodata");
            assertThat(rodata.order()).isEqualTo(ByteOrder.nativeOrder());
            // .rodata is one struct: target_tgid at 0, marker at 8.
            rodata.putInt(0, (int) ProcessHandle.current().pid());
            rodata.putLong(8, marker);

            try (LoadedObject loaded = open.load(); LinkHandle link = loaded.attach("count_getpid")) {
                for (int i = 0; i < 5; i++) {
                    Fixtures.getpid();
                }

                assertThat(loaded.data(".bss").getLong(0)).isEqualTo(5);
                assertThat(loaded.data(".rodata").getLong(8)).isEqualTo(marker);
                assertThat(link.description()).isEqualTo("count_getpid → tp/syscalls/sys_enter_getpid");
            }
        }
    }

    @Test
    void dataSectionsAreTheLiveMapsAfterLoad() {
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
                LoadedObject loaded = open.load()) {
            ByteBuffer data = loaded.data(".data");
            assertThat(data.getLong(0)).isEqualTo(42);

            data.putLong(0, 4242);
            // libbpf names the section's map after the first 8 characters of the object name.
            ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
            assertThat(loaded.map("native_f.data").lookup(Fixtures.u32(0), value)).isTrue();

            assertThat(value.getLong(0)).isEqualTo(4242);
            assertThatThrownBy(() -> loaded.data(".rodata").putLong(8, 1)).isInstanceOf(ReadOnlyBufferException.class);
        }
    }

    @Test
    void unknownNamesAreReportedWithWhatExists() {
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            assertThatThrownBy(() -> open.initialData(".data.missing"))
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining(".data.missing")
                    .hasMessageContaining(".rodata");
            assertThatThrownBy(() -> open.setAutoload("missing", false))
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining("'missing'");

            try (LoadedObject loaded = open.load()) {
                assertThatThrownBy(() -> loaded.map("missing")).hasMessageContaining("counts");
                assertThatThrownBy(() -> loaded.program("missing")).hasMessageContaining("no such program");
                assertThatThrownBy(() -> loaded.ringBuffer("counts")).hasMessageContaining("not a ring buffer");
            }
        }
    }

    @Test
    void programsWithAutoloadOffAreNotLoaded() {
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            open.setAutoload("count_getpid", false);

            try (LoadedObject loaded = open.load()) {
                assertThatThrownBy(() -> loaded.program("count_getpid")).hasMessageContaining("not loaded");
                assertThat(loaded.map("counts").maxEntries()).isEqualTo(4);
            }
        }
    }

    @Test
    void openRejectsWhatIsNotAnElfObjectWithLibbpfsReason() {
        assertThatThrownBy(() -> kernel.openObject("junk", new byte[] {1, 2, 3, 4}))
                .isInstanceOf(BpfException.class)
                .hasMessageStartingWith("opening object 'junk' failed")
                .hasMessageContaining("libbpf:");
    }

    @Test
    void closedObjectsRefuseUseAndCloseTwiceHarmlessly() {
        OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
        LoadedObject loaded = open.load();
        MapHandle counts = loaded.map("counts");
        LinkHandle link = loaded.attach("count_getpid");

        loaded.close();
        loaded.close();
        link.close();
        open.close();

        assertThatThrownBy(() -> counts.lookup(Fixtures.u32(1), Fixtures.u64(0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(open::load).isInstanceOf(IllegalStateException.class);
    }
}
