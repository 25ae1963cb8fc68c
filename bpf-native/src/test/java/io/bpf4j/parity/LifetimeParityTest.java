package io.bpf4j.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.BackendTest;
import java.nio.ByteBuffer;

/** What using an object after (or while) it closes does, on the fake and on the real kernel alike. */
class LifetimeParityTest {
    @BackendTest
    void operationsAfterCloseThrowIllegalStateNamingTheObjectAndTheOperation(KernelBackend backend) {
        ParityFixture fixture = ParityFixture.load(backend);
        LoadedObject object = fixture.object();
        MapHandle hash = object.map("hash");
        fixture.close();

        assertThatThrownBy(() -> hash.update(ParityFixture.u32(1), ParityFixture.u64(2), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bpf(BPF_MAP_UPDATE_ELEM) on map 'hash': object 'parity' is closed");
        assertThatThrownBy(() -> hash.lookup(ParityFixture.u32(1), ParityFixture.buffer(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bpf(BPF_MAP_LOOKUP_ELEM) on map 'hash': object 'parity' is closed");
        assertThatThrownBy(() -> object.data(".bss"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reading data section '.bss': object 'parity' is closed");
        assertThatThrownBy(() -> object.map("array"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("finding map 'array': object 'parity' is closed");
        assertThatThrownBy(hash::fd).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        object.close(); // idempotent
    }

    @BackendTest
    void aDataSectionKeptPastCloseReadsItsLastContentsAndReachesNothing(KernelBackend backend) {
        ParityFixture fixture = ParityFixture.load(backend);
        ByteBuffer bss = fixture.object().data(".bss");
        bss.putLong(8, 0xABCDL);
        fixture.close();

        assertThat(bss.getLong(8)).isEqualTo(0xABCDL);
        bss.putLong(8, 1);
        assertThat(bss.getLong(8)).isEqualTo(1);
    }

    @BackendTest
    void initialDataKeptPastLoadNoLongerReachesTheObject(KernelBackend backend) {
        try (OpenObject open = backend.openObject(ParityFixture.NAME, ParityFixture.bytes())) {
            ByteBuffer rodata = open.initialData(".rodata");
            rodata.putInt(0, 5);
            try (LoadedObject loaded = open.load()) {
                rodata.putInt(0, 6); // too late: the load took the value 5
                assertThat(loaded.data(".rodata").getInt(0)).isEqualTo(5);
                assertThatThrownBy(() -> open.initialData(".rodata"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reading the initial data of section '.rodata'");
            }
        }
    }

    @BackendTest
    void thePinRootIsAnAbsoluteDirectorySetBeforeLoad(KernelBackend backend) {
        try (OpenObject open = backend.openObject(ParityFixture.NAME, ParityFixture.bytes())) {
            assertThatThrownBy(() -> open.setPinRoot("relative"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("absolute");
            open.setPinRoot("/sys/fs/bpf"); // the object declares no pinned map: nothing is pinned
            open.load().close();
            assertThatThrownBy(() -> open.setPinRoot("/sys/fs/bpf"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setting the pin root");
        }
    }

    @BackendTest
    void aRingBufferClosedWithItsObjectRefusesReadsAndStaysSafeToTouch(KernelBackend backend) {
        ParityFixture fixture = ParityFixture.load(backend);
        RingBufferMemory ring = fixture.object().ringBuffer("events");
        ByteBuffer data = ring.data();
        fixture.close();

        assertThat(ring.beginRead()).isFalse();
        data.getLong(0); // no crash; what it shows is no longer the ring
        ring.close(); // idempotent after the object closed it
    }
}
