package io.bpf4j.parity;

import static io.bpf4j.parity.ParityFixture.buffer;
import static io.bpf4j.parity.ParityFixture.u32;
import static io.bpf4j.parity.ParityFixture.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.Kernel;
import io.bpf4j.map.BatchResult;
import io.bpf4j.map.RawMap;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.test.BackendTest;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Map semantics on the fake and on the real kernel: the same assertions must hold on both. Where the
 * kernel leaves something open (hash iteration order, which LRU element goes), only what both
 * guarantee is asserted.
 */
class MapParityTest {
    private static int errno(Runnable action) {
        try {
            action.run();
        } catch (BpfException e) {
            return e.errno();
        }
        throw new AssertionError("the operation succeeded");
    }

    @BackendTest
    void hashFlagsCapacityDeleteAndIteration(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            hash.update(u32(1), u64(10), 0);
            assertThat(errno(() -> hash.update(u32(1), u64(11), 1))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> hash.update(u32(2), u64(11), 2))).isEqualTo(Errno.ENOENT);
            hash.update(u32(2), u64(20), 0);
            hash.update(u32(3), u64(30), 0);
            assertThat(errno(() -> hash.update(u32(4), u64(40), 0))).isEqualTo(Errno.E2BIG);
            assertThat(errno(() -> hash.update(u32(4), u64(40), 8))).isEqualTo(Errno.EINVAL);
            hash.update(u32(3), u64(31), 2);

            ByteBuffer value = buffer(8);
            assertThat(hash.lookup(u32(3), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(31);
            assertThat(keys(hash)).containsExactlyInAnyOrder(1, 2, 3);
            ByteBuffer first = buffer(4);
            assertThat(hash.nextKey(u32(99), first)).as("a missing key restarts the walk").isTrue();
            assertThat(first.getInt(0)).isIn(1, 2, 3);
            assertThat(hash.delete(u32(3))).isTrue();
            assertThat(hash.delete(u32(3))).isFalse();
            assertThat(hash.lookupAndDelete(u32(2), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(20);
            assertThat(keys(hash)).containsExactly(1);
        }
    }

    @BackendTest
    void arraysAreZeroFilledFixedAndUndeletable(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap array = fixture.object().map("array");
            ByteBuffer value = buffer(8).putLong(0, -1);
            assertThat(array.lookup(u32(3), value)).isTrue();
            assertThat(value.getLong(0)).isZero();
            assertThat(array.lookup(u32(4), value)).isFalse();
            assertThat(errno(() -> array.delete(u32(0)))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> array.update(u32(4), u64(1), 0))).isEqualTo(Errno.E2BIG);
            assertThat(errno(() -> array.update(u32(0), u64(1), 1))).isEqualTo(Errno.EEXIST);
            array.update(u32(2), u64(5), 2);
            assertThat(keys(array)).containsExactly(0, 1, 2, 3);
            ByteBuffer next = buffer(4);
            assertThat(array.nextKey(u32(3), next)).isFalse();
            assertThat(array.nextKey(u32(77), next)).isTrue();
            assertThat(next.getInt(0)).isZero();
        }
    }

    @BackendTest
    void aFullLruMapEvictsInsteadOfRefusing(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap lru = fixture.object().map("lru");
            for (int k = 1; k <= 20; k++) {
                lru.update(u32(k), u64(k), 0);
            }
            assertThat(lru.lookup(u32(20), buffer(8))).as("the newest element stays").isTrue();
            assertThat(keys(lru)).hasSizeBetween(1, 8).contains(20);
            assertThat(errno(() -> lru.update(u32(20), u64(1), 1))).isEqualTo(Errno.EEXIST);
        }
    }

    @BackendTest
    void perCpuValuesHaveOneEightByteSlotPerPossibleCpu(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            int cpus = kernel.possibleCpus();
            RawMap array = fixture.object().map("percpu_array");
            assertThat(array.valueBufferSize()).isEqualTo(8 * cpus);
            ByteBuffer values = buffer(8 * cpus);
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.putInt(8 * cpu, 100 + cpu);
            }
            array.update(u32(1), values, 0);
            ByteBuffer read = buffer(8 * cpus);
            assertThat(array.lookup(u32(1), read)).isTrue();
            for (int cpu = 0; cpu < cpus; cpu++) {
                assertThat(read.getInt(8 * cpu)).isEqualTo(100 + cpu);
            }
            RawMap hash = fixture.object().map("percpu_hash");
            hash.update(u32(7), buffer(8 * cpus).putLong(0, 3), 1);
            assertThat(errno(() -> hash.update(u32(7), buffer(8 * cpus), 1))).isEqualTo(Errno.EEXIST);
            assertThat(hash.lookup(u32(7), read)).isTrue();
            assertThat(read.getLong(0)).isEqualTo(3);
        }
    }

    @BackendTest
    void lruPerCpuHashesKeepEveryCpusValue(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            int cpus = kernel.possibleCpus();
            RawMap lru = fixture.object().map("lru_percpu");
            ByteBuffer values = buffer(8 * cpus);
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.putInt(8 * cpu, 7 * (cpu + 1));
            }
            lru.update(u32(1), values, 1);
            assertThat(errno(() -> lru.update(u32(1), values, 1))).isEqualTo(Errno.EEXIST);
            ByteBuffer read = buffer(8 * cpus);
            assertThat(lru.lookup(u32(1), read)).isTrue();
            for (int cpu = 0; cpu < cpus; cpu++) {
                assertThat(read.getInt(8 * cpu)).isEqualTo(7 * (cpu + 1));
            }
            assertThat(lru.delete(u32(1))).isTrue();
            assertThat(lru.lookup(u32(1), read)).isFalse();
        }
    }

    @BackendTest
    void hashesOfMapsStoreFdsAndAnswerIds(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap outer = fixture.object().map("hash_of_maps");
            RawMap inner = fixture.object().map("inner");
            inner.useFd(fd -> outer.update(u32(500), u32(fd), 1));
            assertThat(errno(() -> inner.useFd(fd -> outer.update(u32(500), u32(fd), 1)))).isEqualTo(Errno.EEXIST);
            ByteBuffer value = buffer(4);
            assertThat(outer.lookup(u32(500), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(inner.id());
            inner.update(u32(0), u32(99), 0);
            try (RawMap byId = kernel.openMapById(value.getInt(0))) {
                ByteBuffer innerValue = buffer(4);
                assertThat(byId.lookup(u32(0), innerValue)).isTrue();
                assertThat(innerValue.getInt(0)).isEqualTo(99);
            }
            assertThat(keys(outer)).containsExactly(500);
            assertThat(outer.delete(u32(500))).isTrue();
            assertThat(outer.lookup(u32(500), value)).isFalse();
        }
    }

    @BackendTest
    void queuesAndStacksPushPeekAndPopWithoutKeys(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap queue = fixture.object().map("queue");
            RawMap stack = fixture.object().map("stack");
            for (int v = 1; v <= 3; v++) {
                queue.update(null, u32(v), 0);
                stack.update(null, u32(v), 0);
            }
            assertThat(errno(() -> queue.update(null, u32(4), 0))).isEqualTo(Errno.E2BIG);
            queue.update(null, u32(4), 2); // BPF_EXIST: the oldest makes room
            assertThat(errno(() -> queue.update(null, u32(5), 1))).isEqualTo(Errno.EINVAL);

            ByteBuffer value = buffer(4);
            assertThat(queue.lookup(null, value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(2);
            List<Integer> popped = new ArrayList<>();
            while (queue.lookupAndDelete(null, value)) {
                popped.add(value.getInt(0));
            }
            assertThat(popped).containsExactly(2, 3, 4);
            popped.clear();
            while (stack.lookupAndDelete(null, value)) {
                popped.add(value.getInt(0));
            }
            assertThat(popped).containsExactly(3, 2, 1);
            assertThat(stack.lookup(null, value)).isFalse();
            assertThat(errno(() -> queue.nextKey(null, buffer(0)))).isEqualTo(Errno.EINVAL);
        }
    }

    @BackendTest
    void lpmTrieMatchesTheLongestPrefix(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap lpm = fixture.object().map("lpm");
            lpm.update(lpmKey(8, 10, 0, 0, 0), u32(8), 0);
            lpm.update(lpmKey(24, 10, 1, 2, 0), u32(24), 0);
            lpm.update(lpmKey(16, 10, 1, 0, 0), u32(16), 0);
            ByteBuffer value = buffer(4);
            assertThat(lpm.lookup(lpmKey(32, 10, 1, 2, 3), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(24);
            assertThat(lpm.lookup(lpmKey(32, 10, 1, 7, 7), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(16);
            assertThat(lpm.lookup(lpmKey(32, 11, 0, 0, 0), value)).isFalse();
            assertThat(errno(() -> lpm.update(lpmKey(16, 10, 1, 0, 0), u32(1), 1))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> lpm.update(lpmKey(33, 10, 1, 0, 0), u32(1), 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> lpm.update(lpmKey(32, 9, 9, 9, 9), u32(1), 0))).isEqualTo(Errno.ENOSPC);
            assertThat(lpm.delete(lpmKey(24, 10, 1, 2, 0))).isTrue();
            assertThat(lpm.delete(lpmKey(24, 10, 1, 2, 0))).isFalse();
            assertThat(lpm.lookup(lpmKey(32, 10, 1, 2, 3), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(16);
        }
    }

    @BackendTest
    void bloomFilterAnswersByValue(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap bloom = fixture.object().map("bloom");
            bloom.update(null, u32(42), 0);
            assertThat(bloom.lookup(null, u32(42))).isTrue();
            assertThat(bloom.lookup(null, u32(43))).isFalse();
            assertThat(errno(() -> bloom.update(null, u32(1), 1))).isEqualTo(Errno.EINVAL);
        }
    }

    @BackendTest
    void mapsOfMapsAndProgramArraysStoreFdsAndAnswerIds(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            BpfObject object = fixture.object();
            RawMap outer = object.map("outer");
            RawMap inner = object.map("inner");
            RawMap progs = object.map("progs");
            inner.useFd(fd -> outer.update(u32(0), u32(fd), 0));
            progs.update(u32(1), u32(object.program("ring_record").fd()), 0);

            ByteBuffer value = buffer(4);
            assertThat(outer.lookup(u32(0), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(inner.id());
            assertThat(outer.lookup(u32(1), value)).isFalse();
            assertThat(progs.lookup(u32(1), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(object.program("ring_record").info().id());
            assertThat(progs.lookup(u32(0), value)).isFalse();
            assertThat(errno(() -> progs.update(u32(0), u32(object.program("ring_record").fd()), 1)))
                    .isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> progs.update(u32(2), u32(object.program("ring_record").fd()), 0)))
                    .isEqualTo(Errno.E2BIG);
            assertThat(progs.delete(u32(1))).isTrue();
            assertThat(progs.delete(u32(1))).isFalse();
        }
    }

    @BackendTest
    void batchesWalkEveryElementOnceAndDeleteWhatTheyReturn(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            ByteBuffer keys = buffer(12).putInt(0, 1).putInt(4, 2).putInt(8, 3);
            ByteBuffer values = buffer(24).putLong(0, 10).putLong(8, 20).putLong(16, 30);
            assertThat(hash.updateBatch(keys, values, 3, 0).count()).isEqualTo(3);

            assertThat(batchKeys(hash, false)).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(keys(hash)).hasSize(3);
            assertThat(batchKeys(hash, true)).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(keys(hash)).isEmpty();
            assertThat(errno(() -> hash.deleteBatch(u32(1), 1))).isEqualTo(Errno.ENOENT);

            RawMap array = fixture.object().map("array");
            assertThat(batchKeys(array, false)).containsExactly(0, 1, 2, 3);
            assertThat(errno(() -> array.deleteBatch(u32(1), 1))).isEqualTo(Errno.ENOTSUPP);
        }
    }

    @BackendTest
    void frozenMapsAndRodataRefuseUserSpaceWrites(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            BpfObject object = fixture.object();
            RawMap array = object.map("array");
            array.freeze();
            assertThat(errno(() -> array.update(u32(0), u64(1), 0))).isEqualTo(Errno.EPERM);
            assertThat(errno(array::freeze)).as("freezing twice").isEqualTo(Errno.EPERM);
            assertThat(errno(() -> object.map(".rodata").update(u32(0), buffer(object.map(".rodata").valueSize()), 0)))
                    .isEqualTo(Errno.EPERM);
            assertThatThrownBy(() -> object.rodata().buffer().putInt(0, 1))
                    .isInstanceOf(ReadOnlyBufferException.class);
        }
    }

    @BackendTest
    void dataSectionsAreSharedWithTheirMaps(Kernel kernel) {
        try (OpenBpfObject open = kernel.openBytes(ParityFixture.NAME, parityBytes())) {
            try (BpfObject object = open.load()) {
                object.bss().buffer().putLong(0, 77);
                ByteBuffer bss = buffer(object.map(".bss").valueSize());
                assertThat(object.map(".bss").lookup(u32(0), bss)).isTrue();
                assertThat(bss.getLong(0)).isEqualTo(77);
                object.map(".bss").update(u32(0), buffer(bss.capacity()).putLong(0, 5), 0);
                assertThat(object.bss().buffer().getLong(0)).isEqualTo(5);
                assertThat(object.map("parity.bss").id()).as("libbpf's internal map name")
                        .isEqualTo(object.map(".bss").id());
            }
        }
    }

    private static byte[] parityBytes() {
        try (var in = MapParityTest.class.getResourceAsStream("/parity.bpf.o")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<Integer> batchKeys(RawMap map, boolean delete) {
        Set<Integer> seen = new HashSet<>();
        int count = Math.toIntExact(map.maxEntries());
        ByteBuffer cursor = buffer(map.batchCursorSize());
        ByteBuffer keys = buffer(count * map.keySize());
        ByteBuffer values = buffer(count * map.valueBufferSize());
        ByteBuffer in = null;
        for (int round = 0; round < 10; round++) {
            BatchResult result = delete
                    ? map.lookupAndDeleteBatch(in, cursor, keys, values, count)
                    : map.lookupBatch(in, cursor, keys, values, count);
            for (int i = 0; i < result.count(); i++) {
                assertThat(seen.add(keys.getInt(i * map.keySize()))).as("no key twice").isTrue();
            }
            if (result.exhausted()) {
                return seen;
            }
            in = cursor;
        }
        throw new AssertionError("the batch walk did not end");
    }

    private static List<Integer> keys(RawMap map) {
        List<Integer> keys = new ArrayList<>();
        ByteBuffer key = null;
        ByteBuffer next = buffer(map.keySize());
        while (map.nextKey(key, next)) {
            keys.add(next.getInt(0));
            key = next;
            next = buffer(map.keySize());
        }
        return keys;
    }

    private static ByteBuffer lpmKey(int prefixLength, int a, int b, int c, int d) {
        ByteBuffer key = buffer(8).putInt(0, prefixLength);
        key.put(4, (byte) a).put(5, (byte) b).put(6, (byte) c).put(7, (byte) d);
        return key;
    }
}
