package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Platform;
import io.bpf4j.codec.Codecs;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.UnsupportedFeatureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ring buffers at the sizes where ints give out: a 1 GiB ring (whose double mapping is one byte
 * more than a ByteBuffer holds) is read to its end and across it; a 2 GiB ring, the largest the
 * kernel creates, reports its size unsigned and is refused before anything is mapped. The kernel
 * allocates a ring's memory when the map is created, so these tests hold 1 GiB and then 2 GiB of
 * kernel memory for a few seconds each (measured on this VM: about 2.7 s to create either).
 */
@RequiresKernel
class RingBufferSizesTest {
    private static final long SYS_GETTID = Platform.isIntel() ? 186 : 178;
    private static final int GIB = 1 << 30;
    /** The fixture's record sizes and its .bss layout. */
    private static final int SMALL_RECORD = 16;
    private static final int BIG_RECORD = (1 << 26) - 8;
    private static final int TARGET_TID = 0;
    private static final int BIG_RECORDS = 4;
    private static final int DROPS = 16;

    @Test
    void aOneGibRingIsReadToItsEndAndAcrossIt() {
        try (LoadedObject loaded = load("big_ring")) {
            assertThat(loaded.map("big").maxEntries()).isEqualTo(GIB);
            RingBufferMemory memory = loaded.ringBuffer("big");
            // Its double mapping is 2^31 bytes, one more than a buffer holds; no record reaches that byte.
            assertThat(memory.size()).isEqualTo(GIB);
            assertThat(memory.data().capacity()).isEqualTo(Integer.MAX_VALUE);
            try (RingBufferReader<Long> reader = Backends.ringBufferReader("big", memory, Codecs.INT64)) {
                readToTheEndAndAcross(loaded, reader);
            }
        }
    }

    private static void readToTheEndAndAcross(LoadedObject loaded, RingBufferReader<Long> reader) {
        ByteBuffer state = loaded.data(".bss");
        state.putInt(TARGET_TID, (int) LibC.syscall(SYS_GETTID, 0, 0, 0));
        loaded.attach("record_getpid");
        List<long[]> records = new ArrayList<>();

        Fixtures.getpid(); // a small record first, so the big ones do not end exactly at the end
        assertThat(reader.drainViews((data, offset, length) -> records.add(record(data, offset, length))))
                .isEqualTo(1);
        state.putInt(BIG_RECORDS, 1);
        for (int i = 0; i < 15; i++) {
            Fixtures.getpid();
        }
        assertThat(reader.drainViews((data, offset, length) -> records.add(record(data, offset, length))))
                .isEqualTo(15);
        // This one starts 2^26 - 24 bytes before the end of the data area and ends 24 bytes past it:
        // its last bytes are read through the second mapping, past 2^30.
        Fixtures.getpid();
        assertThat(reader.drainViews((data, offset, length) -> {
            assertThat(offset).isGreaterThan(GIB - BIG_RECORD);
            assertThat((long) offset + length).isGreaterThan(GIB);
            records.add(record(data, offset, length));
        })).isEqualTo(1);

        assertThat(state.getLong(DROPS)).as("reservations that failed").isZero();
        assertThat(records).hasSize(17);
        for (int i = 0; i < records.size(); i++) {
            long[] record = records.get(i);
            assertThat(record[0]).as("record %d's length", i).isEqualTo(i == 0 ? SMALL_RECORD : BIG_RECORD);
            assertThat(record[1]).as("record %d's first 8 bytes", i).isEqualTo(i + 1);
            assertThat(record[2]).as("record %d's last 8 bytes", i).isEqualTo(i + 1);
        }
    }

    @Test
    void aTwoGibRingReportsItsSizeUnsignedAndIsRefusedBeforeAnythingIsMapped() throws IOException {
        try (LoadedObject loaded = load("huge_ring")) {
            assertThat(loaded.map("huge").maxEntries()).isEqualTo(1L << 31);
            try (OwnedMapHandle byId = new NativeKernel().openMapById(loaded.map("huge").id())) {
                assertThat(byId.maxEntries()).as("as bpf_map_info reports it").isEqualTo(1L << 31);
            }
            long mappings = ringMappings();

            assertThatThrownBy(() -> loaded.ringBuffer("huge"))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("mapping ring buffer 'huge' failed: ring buffers larger than 1073741824 bytes"
                            + " (1 GiB): this one has 2147483648 bytes; its records could not be addressed in one"
                            + " Java buffer");
            List<AutoCloseable> readers = new ArrayList<>();
            BpfRingBuffer<Long> ring = ApiObjects.ringBuffer(loaded, "huge", Codecs.INT64, readers::add);
            assertThatThrownBy(ring::reader).isInstanceOf(UnsupportedFeatureException.class);

            assertThat(readers).isEmpty();
            assertThat(ringMappings()).as("nothing was mapped").isEqualTo(mappings);
        }
    }

    private static long[] record(ByteBuffer data, int offset, int length) {
        return new long[] {length, data.getLong(offset), data.getLong(offset + length - 8)};
    }

    private static LoadedObject load(String name) {
        try (OpenObject open = new NativeKernel().openObject(name, Fixtures.object(name + ".bpf.o"))) {
            return open.load();
        }
    }

    /** This process's mappings of BPF maps (the object's data sections, and rings once mapped). */
    private static long ringMappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(line -> line.endsWith("anon_inode:bpf-map")).count();
        }
    }
}
