package io.bpf4j.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import io.bpf4j.Kernel;
import io.bpf4j.map.RawMap;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.DataSection;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.test.BackendTest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What using an object after (or while) it closes does, on the fake and on the real kernel alike. */
class LifetimeParityTest {
    @BackendTest
    void operationsAfterCloseThrowIllegalStateNamingTheObjectAndTheOperation(Kernel kernel) {
        ParityFixture fixture = ParityFixture.load(kernel);
        BpfObject object = fixture.object();
        RawMap hash = object.map("hash");
        DataSection bss = object.bss();
        fixture.close();

        assertThatThrownBy(() -> hash.update(ParityFixture.u32(1), ParityFixture.u64(2), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bpf(BPF_MAP_UPDATE_ELEM) on map 'hash': object 'parity' is closed");
        assertThatThrownBy(() -> hash.lookup(ParityFixture.u32(1), ParityFixture.buffer(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bpf(BPF_MAP_LOOKUP_ELEM) on map 'hash': object 'parity' is closed");
        assertThatThrownBy(() -> bss.getLong("seq"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reading data section '.bss': object 'parity' is closed");
        assertThatThrownBy(() -> object.map("array"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("finding map 'array': object 'parity' is closed");
        assertThatThrownBy(() -> hash.useFd(fd -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> object.program("ring_record").attach()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        object.close(); // idempotent
    }

    @BackendTest
    void aDataSectionKeptPastCloseReadsItsLastContentsAndReachesNothing(Kernel kernel) {
        ParityFixture fixture = ParityFixture.load(kernel);
        ByteBuffer bss = fixture.object().bss().buffer();
        bss.putLong(8, 0xABCDL);
        fixture.close();

        assertThat(bss.getLong(8)).isEqualTo(0xABCDL);
        bss.putLong(8, 1);
        assertThat(bss.getLong(8)).isEqualTo(1);
    }

    @BackendTest
    void initialDataKeptPastLoadNoLongerReachesTheObject(Kernel kernel) {
        try (OpenBpfObject open = kernel.openBytes(ParityFixture.NAME, ParityFixture.bytes())) {
            ByteBuffer rodata = open.rodata().buffer();
            rodata.putInt(0, 5);
            try (BpfObject loaded = open.load()) {
                rodata.putInt(0, 6); // too late: the load took the value 5
                assertThat(loaded.rodata().buffer().getInt(0)).isEqualTo(5);
                assertThat(loaded.rodata().getLong("tid_target")).isEqualTo(5);
                assertThatThrownBy(() -> open.rodata().setLong("tid_target", 7))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("data section '.rodata' of object 'parity': its Open phase has ended");
            }
        }
    }

    @BackendTest
    void thePinRootIsAnAbsoluteDirectorySetBeforeLoad(Kernel kernel) {
        try (OpenBpfObject open = kernel.openBytes(ParityFixture.NAME, ParityFixture.bytes())) {
            assertThatThrownBy(() -> open.pinRoot(Path.of("relative")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("absolute");
            open.pinRoot(Path.of("/sys/fs/bpf")); // the object declares no pinned map: nothing is pinned
            open.load().close();
            assertThatThrownBy(() -> open.pinRoot(Path.of("/sys/fs/bpf")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setting the pin root");
        }
    }

    @BackendTest
    void aRecordViewKeptPastItsObjectsCloseStaysSafeToTouch(Kernel kernel) {
        ParityFixture fixture = ParityFixture.load(kernel);
        RingBufferReader<Long> reader = fixture.object().ringBuffer("events", Codecs.INT64).reader();
        fixture.produceRecords(1);
        List<ByteBuffer> kept = new ArrayList<>();
        assertThat(reader.drainViews((data, offset, length) -> kept.add(data))).isEqualTo(1);
        fixture.close(); // closes the reader with the object

        assertThat(reader.drain(value -> { })).as("the reader is closed with its object").isZero();
        kept.get(0).getLong(0); // no crash; what it shows is no longer the ring
        reader.close(); // idempotent after the object closed it
    }
}
