package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.test.RequiresKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every raw map operation of {@link NativeMap} against the real kernel. */
@RequiresKernel
class MapHandleOperationsTest {
    private static final long BPF_ANY = 0;
    private static final long BPF_NOEXIST = 1;
    private static final long BPF_EXIST = 2;

    private MapsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new MapsFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void updateFlagsAndFullMapFailWithTheKernelsErrno() {
        MapHandle hash = fixture.map("hash");
        hash.update(Fixtures.u32(1), Fixtures.u64(10), BPF_NOEXIST);

        assertThatThrownBy(() -> hash.update(Fixtures.u32(1), Fixtures.u64(11), BPF_NOEXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("bpf(BPF_MAP_UPDATE_ELEM) on map 'hash' failed: EEXIST");
        assertThatThrownBy(() -> hash.update(Fixtures.u32(2), Fixtures.u64(20), BPF_EXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        for (int k = 2; k <= hash.maxEntries(); k++) {
            hash.update(Fixtures.u32(k), Fixtures.u64(k), BPF_ANY);
        }
        assertThatThrownBy(() -> hash.update(Fixtures.u32(100), Fixtures.u64(1), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG))
                .hasMessageContaining("the map is full: max_entries 8");
    }

    @Test
    void arrayElementsCannotBeDeletedAndIndexesEndAtMaxEntries() {
        MapHandle array = fixture.map("array");

        assertThatThrownBy(() -> array.delete(Fixtures.u32(0)))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("array elements cannot be deleted");
        assertThatThrownBy(() -> array.update(Fixtures.u32(8), Fixtures.u64(1), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG))
                .hasMessageContaining("the index is beyond max_entries 8");
    }

    @Test
    void lookupAndDeleteTakesTheElement() {
        MapHandle hash = fixture.map("hash");
        hash.update(Fixtures.u32(5), Fixtures.u64(55), BPF_ANY);
        ByteBuffer value = Fixtures.u64(0);

        assertThat(hash.lookupAndDelete(Fixtures.u32(5), value)).isTrue();
        assertThat(value.getLong(0)).isEqualTo(55);
        assertThat(hash.lookup(Fixtures.u32(5), value)).isFalse();
        assertThat(hash.lookupAndDelete(Fixtures.u32(5), value)).isFalse();
    }

    @Test
    void perCpuValuesAreRoundedUpToEightBytesPerCpu() {
        MapHandle pcpu = fixture.map("pcpu_hash");
        int cpus = fixture.kernel.possibleCpus();
        assertThat(pcpu.valueSize()).isEqualTo(4);
        assertThat(pcpu.valueBufferSize()).isEqualTo(8 * cpus);

        ByteBuffer values = ByteBuffer.allocate(8 * cpus).order(ByteOrder.nativeOrder());
        for (int cpu = 0; cpu < cpus; cpu++) {
            values.putInt(cpu * 8, 1000 + cpu);
        }
        pcpu.update(Fixtures.u32(1), values, BPF_ANY);
        ByteBuffer read = ByteBuffer.allocate(8 * cpus).order(ByteOrder.nativeOrder());

        assertThat(pcpu.lookup(Fixtures.u32(1), read)).isTrue();
        for (int cpu = 0; cpu < cpus; cpu++) {
            assertThat(read.getInt(cpu * 8)).isEqualTo(1000 + cpu);
        }
        assertThatThrownBy(() -> pcpu.lookup(Fixtures.u32(1), ByteBuffer.allocate(4 * cpus)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the value buffer must hold exactly " + 8 * cpus + " bytes (its limit), not "
                        + 4 * cpus);
    }

    @Test
    void possibleCpusMatchLibbpf() {
        assertThat(fixture.kernel.possibleCpus()).isEqualTo(LibBpf.libbpf_num_possible_cpus()).isPositive();
        assertThat(PossibleCpus.parse("0-3,5,7-8\n")).isEqualTo(7);
        assertThatThrownBy(() -> PossibleCpus.parse("3-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queuePushPeekPopWithNullKeys() {
        MapHandle queue = fixture.map("queue");
        for (int v = 1; v <= 4; v++) {
            queue.update(null, Fixtures.u32(v), BPF_ANY);
        }
        ByteBuffer value = Fixtures.u32(0);

        assertThatThrownBy(() -> queue.update(null, Fixtures.u32(5), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG));
        assertThat(queue.lookup(null, value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(1);
        assertThat(queue.lookupAndDelete(null, value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(1);
        assertThatThrownBy(() -> queue.lookup(Fixtures.u32(0), value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no keys");
    }

    @Test
    void batchUpdateLookupAndDeleteOfAHundredThousandElements() {
        MapHandle big = fixture.map("big");
        int n = Math.toIntExact(big.maxEntries());
        ByteBuffer keys = ByteBuffer.allocate(4 * n).order(ByteOrder.nativeOrder());
        ByteBuffer values = ByteBuffer.allocate(8 * n).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            keys.putInt(4 * i, i);
            values.putLong(8 * i, i * 3L);
        }

        assertThat(big.updateBatch(keys, values, n, BPF_ANY)).isEqualTo(new BatchResult(n, false));

        Map<Integer, Long> dumped = new HashMap<>();
        ByteBuffer cursor = ByteBuffer.allocate(big.batchCursorSize());
        ByteBuffer outKeys = ByteBuffer.allocate(4 * 1024).order(ByteOrder.nativeOrder());
        ByteBuffer outValues = ByteBuffer.allocate(8 * 1024).order(ByteOrder.nativeOrder());
        BatchResult result = big.lookupBatch(null, cursor, outKeys, outValues, 1024);
        while (true) {
            for (int i = 0; i < result.count(); i++) {
                assertThat(dumped.put(outKeys.getInt(4 * i), outValues.getLong(8 * i))).isNull();
            }
            if (result.exhausted()) {
                break;
            }
            result = big.lookupBatch(cursor, cursor, outKeys, outValues, 1024);
        }
        assertThat(dumped).hasSize(n);
        assertThat(dumped).allSatisfy((k, v) -> assertThat(v).isEqualTo(k * 3L));

        ByteBuffer firstHalf = keys.duplicate().order(ByteOrder.nativeOrder()).limit(4 * (n / 2)).slice()
                .order(ByteOrder.nativeOrder());
        assertThat(big.deleteBatch(firstHalf, n / 2).count()).isEqualTo(n / 2);
        assertThatThrownBy(() -> big.deleteBatch(firstHalf.slice(0, 4), 1))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageStartingWith("bpf(BPF_MAP_DELETE_BATCH) on map 'big' failed: ENOENT")
                .hasMessageContaining("key 0 of 1 is absent");

        int taken = 0;
        result = big.lookupAndDeleteBatch(null, cursor, outKeys, outValues, 1024);
        taken += result.count();
        while (!result.exhausted()) {
            result = big.lookupAndDeleteBatch(cursor, cursor, outKeys, outValues, 1024);
            taken += result.count();
        }
        assertThat(taken).isEqualTo(n - n / 2);
        assertThat(big.nextKey(null, Fixtures.u32(0))).isFalse();
    }

    @Test
    void aBatchSmallerThanAHashBucketFailsWithEnospcAndCopiesNothing() {
        MapHandle big = fixture.map("big");
        int n = Math.toIntExact(big.maxEntries());
        ByteBuffer keys = ByteBuffer.allocate(4 * n).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            keys.putInt(4 * i, i);
        }
        big.updateBatch(keys, ByteBuffer.allocate(8 * n), n, BPF_ANY);
        ByteBuffer cursor = ByteBuffer.allocate(big.batchCursorSize());
        ByteBuffer key = Fixtures.u32(-1);
        ByteBuffer value = Fixtures.u64(0);

        // 100k keys in 128k buckets: some bucket holds two, and a one-element batch cannot take it.
        assertThatThrownBy(() -> {
            BatchResult result = big.lookupBatch(null, cursor, key, value, 1);
            while (!result.exhausted()) {
                result = big.lookupBatch(cursor, cursor, key, value, 1);
            }
        }).isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOSPC))
                .hasMessageContaining("a hash bucket holds more than 1 elements: retry with a larger count");
    }

    @Test
    void batchUpdateReportsTheFailingElement() {
        MapHandle hash = fixture.map("hash");
        int n = Math.toIntExact(hash.maxEntries()) + 2;
        ByteBuffer keys = ByteBuffer.allocate(4 * n).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            keys.putInt(4 * i, i);
        }

        assertThatThrownBy(() -> hash.updateBatch(keys, ByteBuffer.allocate(8 * n), n, BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG))
                .hasMessageContaining("element 8 of 10 failed, the ones before it were written")
                .hasMessageContaining("the map is full");
        assertThat(hash.lookup(Fixtures.u32(7), Fixtures.u64(0))).isTrue();
        assertThat(hash.lookup(Fixtures.u32(8), Fixtures.u64(0))).isFalse();
    }

    @Test
    void thisKernelTakesOnlyBpfAnyForBatchUpdates() {
        // Measured on Linux 6.18: BPF_NOEXIST and BPF_EXIST in elem_flags are refused as a whole.
        MapHandle hash = fixture.map("hash");

        assertThatThrownBy(() -> hash.updateBatch(Fixtures.u32(1), Fixtures.u64(1), 1, BPF_NOEXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("batch updates take BPF_ANY");
    }

    @Test
    void aFrozenMapRefusesUpdatesWithEperm() {
        MapHandle array = fixture.map("array");
        array.update(Fixtures.u32(0), Fixtures.u64(7), BPF_ANY);

        array.freeze();

        assertThatThrownBy(() -> array.update(Fixtures.u32(0), Fixtures.u64(8), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM))
                .hasMessageContaining("frozen");
        ByteBuffer value = Fixtures.u64(0);
        assertThat(array.lookup(Fixtures.u32(0), value)).isTrue();
        assertThat(value.getLong(0)).isEqualTo(7);
    }

    @Test
    void pinnedMapsCanBeOpenedByPathAndClosedIdempotently() throws Exception {
        MapHandle hash = fixture.map("hash");
        try (BpfFsDirectory bpffs = BpfFsDirectory.open()) {
            pinAndOpen(hash, bpffs.newPath("map"));
        }
    }

    @Test
    void pinningOutsideBpffsSaysSo() {
        MapHandle hash = fixture.map("hash");

        assertThatThrownBy(() -> hash.pin("/tmp/bpf4j-not-bpffs-" + System.nanoTime()))
                .isInstanceOf(BpfException.class)
                .hasMessageStartingWith("bpf(BPF_OBJ_PIN) of map 'hash' at /tmp/bpf4j-not-bpffs-")
                .hasMessageContaining("not on bpffs");
    }

    @Test
    void pathsAndCgroupIndexesAreCheckedBeforeTheKernelIsAsked() throws Exception {
        MapHandle hash = fixture.map("hash");
        try (BpfFsDirectory bpffs = BpfFsDirectory.open()) {
            Path pin = bpffs.newPath("cut");
            // A NUL would end the C string early: the map would be pinned at "cut", not refused.
            assertThatThrownBy(() -> hash.pin(pin + "\0suffix")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pin on map 'hash': path must be a non-empty path without NUL characters");
            assertThat(pin).doesNotExist();
        }
        assertThatThrownBy(() -> hash.pin("")).isInstanceOf(IllegalArgumentException.class);

        MapHandle cgroups = fixture.map("cgroups");
        long fds = Fixtures.openFds();
        assertThatThrownBy(() -> cgroups.setCgroup(-1, "/sys/fs/cgroup/unified"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setCgroup on map 'cgroups': index -1 is out of range 0 to 1");
        assertThatThrownBy(() -> cgroups.setCgroup(2, "/does/not/exist"))
                .as("the index is refused before the directory is opened")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cgroups.setCgroup(0, "/sys/fs/cgroup/unified\0/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fixtures.openFds()).isEqualTo(fds);
    }

    @Test
    void aRequestLargerThanTheScratchAreaCanBeIsRefusedBeforeTheKernelWritesIntoIt() {
        MapHandle hash = fixture.map("hash");
        hash.update(Fixtures.u32(1), Fixtures.u64(1), BPF_ANY);
        ByteBuffer small = ByteBuffer.allocate(8);
        // 536870911 four-byte keys after an 8-byte cursor: 2^31 + 4 bytes, past what an int offset reaches.
        int count = (Integer.MAX_VALUE - 3) / 4;

        assertThatThrownBy(() -> BpfSyscall.batch(BpfSyscall.BPF_MAP_LOOKUP_BATCH, hash.fd(), null, small, 8, small, 4,
                small, 0, count, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bpf() request of 2147483652 + 0 bytes is more than one call can carry"
                        + " (2147483647 bytes)");
    }

    private void pinAndOpen(MapHandle hash, Path pin) throws Exception {
        hash.pin(pin.toString());
        try {
            assertThatThrownBy(() -> hash.pin(pin.toString()))
                    .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                    .hasMessageContaining("already pinned");
            OwnedMapHandle opened = fixture.kernel.openPinnedMap(pin.toString());
            try (opened) {
                assertThat(opened.name()).isEqualTo("hash");
                assertThat(opened.type()).isEqualTo(hash.type());
                assertThat(opened.keySize()).isEqualTo(4);
                assertThat(opened.valueSize()).isEqualTo(8);
                assertThat(opened.maxEntries()).isEqualTo(8L);
                assertThat(opened.id()).isEqualTo(hash.id());
                opened.update(Fixtures.u32(3), Fixtures.u64(33), BPF_ANY);
            }
            opened.close();
            ByteBuffer value = Fixtures.u64(0);
            assertThat(hash.lookup(Fixtures.u32(3), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(33);
            assertThatThrownBy(() -> opened.lookup(Fixtures.u32(3), value))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
        } finally {
            Files.delete(pin);
        }
        assertThatThrownBy(() -> fixture.kernel.openPinnedMap(pin.toString()))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining("nothing is pinned at " + pin);
    }

    @Test
    void mapsCanBeOpenedByIdAndOutliveTheirObject() {
        MapHandle array = fixture.map("array");
        array.update(Fixtures.u32(2), Fixtures.u64(22), BPF_ANY);
        long fdsBefore = Fixtures.openFds();

        try (OwnedMapHandle byId = fixture.kernel.openMapById(array.id())) {
            fixture.close();
            ByteBuffer value = Fixtures.u64(0);
            assertThat(byId.lookup(Fixtures.u32(2), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(22);
        }
        assertThat(Fixtures.openFds()).isLessThanOrEqualTo(fdsBefore);
        assertThatThrownBy(() -> fixture.kernel.openMapById(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining("no map has id " + Integer.MAX_VALUE);
    }
}
