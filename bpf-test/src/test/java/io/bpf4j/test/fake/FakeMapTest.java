package io.bpf4j.test.fake;

import static io.bpf4j.test.fake.Fixture.buffer;
import static io.bpf4j.test.fake.Fixture.lpmKey;
import static io.bpf4j.test.fake.Fixture.u32;
import static io.bpf4j.test.fake.Fixture.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spec.MapType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel's map semantics, as the fake reproduces them. */
class FakeMapTest {
    private final FakeKernel kernel = new FakeKernel(3);
    private FakeObject object;

    @BeforeEach
    void load() {
        object = Fixture.load(kernel);
    }

    @AfterEach
    void close() {
        object.close();
        kernel.assertNoLeaks();
    }

    private static int errno(Runnable action) {
        try {
            action.run();
        } catch (BpfException e) {
            return e.errno();
        }
        throw new AssertionError("no BpfException");
    }

    @Test
    void hashUpdateFlagsAndCapacityFailWithTheKernelsErrno() {
        FakeMap hash = object.map("hash");
        hash.update(u32(1), u64(10), 0);

        assertThat(errno(() -> hash.update(u32(1), u64(11), 1))).isEqualTo(Errno.EEXIST);
        assertThat(errno(() -> hash.update(u32(2), u64(11), 2))).isEqualTo(Errno.ENOENT);
        hash.update(u32(2), u64(20), 0);
        hash.update(u32(3), u64(30), 0);
        assertThatThrownBy(() -> hash.update(u32(4), u64(40), 0))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG))
                .hasMessageContaining("bpf(BPF_MAP_UPDATE_ELEM) on map 'hash'");
        hash.update(u32(3), u64(31), 2); // replacing in a full map is fine

        ByteBuffer value = buffer(8);
        assertThat(hash.lookup(u32(3), value)).isTrue();
        assertThat(value.getLong(0)).isEqualTo(31);
        assertThat(hash.delete(u32(3))).isTrue();
        assertThat(hash.delete(u32(3))).isFalse();
        assertThat(hash.lookup(u32(3), value)).isFalse();
    }

    @Test
    void hashIteratesInInsertionOrderAndRestartsFromAMissingKey() {
        FakeMap hash = object.map("hash");
        for (int k : new int[] {7, 3, 5}) {
            hash.update(u32(k), u64(k), 0);
        }
        assertThat(keys(hash)).containsExactly(7, 3, 5);
        ByteBuffer next = buffer(4);
        assertThat(hash.nextKey(u32(99), next)).isTrue();
        assertThat(next.getInt(0)).isEqualTo(7);
    }

    @Test
    void arraysAreZeroInitialisedAndCannotDelete() {
        FakeMap array = object.map("array");
        ByteBuffer value = buffer(8).putLong(0, -1);
        assertThat(array.lookup(u32(3), value)).isTrue();
        assertThat(value.getLong(0)).isZero();
        assertThat(array.lookup(u32(4), value)).isFalse();
        assertThat(errno(() -> array.delete(u32(0)))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> array.update(u32(4), u64(1), 0))).isEqualTo(Errno.E2BIG);
        assertThat(errno(() -> array.update(u32(0), u64(1), 1))).isEqualTo(Errno.EEXIST);
        assertThat(keys(array)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedKey() {
        FakeMap lru = object.map("lru");
        lru.update(u32(1), u64(1), 0);
        lru.update(u32(2), u64(2), 0);
        lru.update(u32(3), u64(3), 0);
        lru.lookup(u32(1), buffer(8)); // 2 is now the least recently used

        lru.update(u32(4), u64(4), 0);

        assertThat(lru.lookup(u32(2), buffer(8))).isFalse();
        assertThat(keys(lru)).containsExactlyInAnyOrder(1, 3, 4);
        assertThat(lru.keysByRecency()).extracting(k -> ByteBuffer.wrap(k).order(java.nio.ByteOrder.nativeOrder()).getInt())
                .containsExactly(3, 1, 4);
    }

    @Test
    void perCpuValuesHaveOneEightByteSlotPerCpu() {
        FakeMap percpu = object.map("percpu_array");
        assertThat(percpu.valueSize()).isEqualTo(4);
        assertThat(percpu.valueBufferSize()).isEqualTo(8 * 3);
        ByteBuffer values = buffer(24).putInt(0, 1).putInt(8, 2).putInt(16, 3);
        percpu.update(u32(1), values, 0);

        ByteBuffer read = buffer(24);
        assertThat(percpu.lookup(u32(1), read)).isTrue();
        assertThat(List.of(read.getInt(0), read.getInt(8), read.getInt(16))).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> percpu.lookup(u32(0), buffer(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 bytes");
    }

    @Test
    void queuesAreFifoAndStacksLifoWithNullKeys() {
        FakeMap queue = object.map("queue");
        FakeMap stack = object.map("stack");
        for (int v = 1; v <= 3; v++) {
            queue.update(null, u32(v), 0);
            stack.update(null, u32(v), 0);
        }
        assertThat(errno(() -> queue.update(null, u32(4), 0))).isEqualTo(Errno.E2BIG);
        queue.update(null, u32(4), 2); // BPF_EXIST drops the oldest

        ByteBuffer value = buffer(4);
        assertThat(queue.lookup(null, value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(2); // peek
        assertThat(queue.lookupAndDelete(null, value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(2);
        assertThat(stack.lookupAndDelete(null, value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(3);
        assertThat(errno(() -> stack.delete(null))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> queue.nextKey(null, buffer(0)))).isEqualTo(Errno.EINVAL);
        assertThatThrownBy(() -> queue.nextKey(null, buffer(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextKey on map 'queue': the nextKey buffer must hold exactly 0 bytes (its limit), not 4");
        while (stack.lookupAndDelete(null, value)) {
            // drain
        }
        assertThat(stack.lookup(null, value)).isFalse();
    }

    @Test
    void lpmTrieFindsTheLongestMatchingPrefix() {
        FakeMap lpm = object.map("lpm");
        lpm.update(lpmKey(8, 10, 0, 0, 0), u32(8), 0);
        lpm.update(lpmKey(24, 10, 1, 2, 0), u32(24), 0);
        lpm.update(lpmKey(16, 10, 1, 99, 99), u32(16), 0); // bits past the prefix do not count

        ByteBuffer value = buffer(4);
        assertThat(lpm.lookup(lpmKey(32, 10, 1, 2, 3), value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(24);
        assertThat(lpm.lookup(lpmKey(32, 10, 1, 7, 7), value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(16);
        assertThat(lpm.lookup(lpmKey(32, 11, 0, 0, 0), value)).isFalse();
        assertThat(errno(() -> lpm.update(lpmKey(16, 10, 1, 0, 0), u32(1), 1))).isEqualTo(Errno.EEXIST);
        assertThat(errno(() -> lpm.update(lpmKey(33, 10, 1, 0, 0), u32(1), 0))).isEqualTo(Errno.EINVAL);
        assertThat(lpm.delete(lpmKey(24, 10, 1, 2, 0))).isTrue();
        assertThat(lpm.lookup(lpmKey(32, 10, 1, 2, 3), value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(16);
    }

    @Test
    void bloomFilterAnswersMembershipByValue() {
        FakeMap bloom = object.map("bloom");
        bloom.update(null, u32(42), 0);
        assertThat(bloom.lookup(null, u32(42))).isTrue();
        assertThat(bloom.lookup(null, u32(43))).isFalse();
        assertThat(errno(() -> bloom.update(null, u32(1), 1))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> bloom.delete(null))).isEqualTo(Errno.EOPNOTSUPP);
    }

    @Test
    void mapsOfMapsAndProgramArraysTakeFdsAndHoldIds() {
        FakeMap outer = object.map("outer");
        FakeMap inner = object.map("inner");
        FakeMap progs = object.map("progs");
        FakeProgram program = object.program("on_getpid");

        outer.update(u32(0), u32(inner.fd()), 0);
        progs.update(u32(1), u32(program.fd()), 0);

        ByteBuffer value = buffer(4);
        assertThat(outer.lookup(u32(0), value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(inner.id());
        assertThat(progs.lookup(u32(1), value)).isTrue();
        assertThat(value.getInt(0)).isEqualTo(program.id());
        assertThat(progs.lookup(u32(0), value)).isFalse();
        assertThat(errno(() -> outer.update(u32(1), u32(12345), 0))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> progs.update(u32(0), u32(program.fd()), 1))).isEqualTo(Errno.EINVAL);
        assertThat(progs.delete(u32(1))).isTrue();
        assertThat(progs.delete(u32(1))).isFalse();
    }

    @Test
    void anInnerMapIsOpenedByTheIdItsOuterMapHolds() {
        FakeMap outer = object.map("outer");
        object.map("inner").update(u32(0), u32(99), 0);
        outer.update(u32(1), u32(object.map("inner").fd()), 0);
        ByteBuffer id = buffer(4);
        assertThat(outer.lookup(u32(1), id)).isTrue();

        try (var inner = kernel.openMapById(id.getInt(0))) {
            ByteBuffer value = buffer(4);
            assertThat(inner.lookup(u32(0), value)).isTrue();
            assertThat(value.getInt(0)).isEqualTo(99);
        }
        assertThat(errno(() -> kernel.openMapById(123456))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void batchOperationsWalkTheMapWithACursor() {
        FakeMap hash = object.map("hash");
        ByteBuffer keys = buffer(12).putInt(0, 1).putInt(4, 2).putInt(8, 3);
        ByteBuffer values = buffer(24).putLong(0, 10).putLong(8, 20).putLong(16, 30);
        assertThat(hash.updateBatch(keys, values, 3, 0)).isEqualTo(new BatchResult(3, false));

        ByteBuffer cursor = buffer(hash.batchCursorSize());
        ByteBuffer outKeys = buffer(8);
        ByteBuffer outValues = buffer(16);
        BatchResult first = hash.lookupBatch(null, cursor, outKeys, outValues, 2);
        assertThat(first).isEqualTo(new BatchResult(2, false));
        assertThat(outKeys.getInt(4)).isEqualTo(2);
        BatchResult rest = hash.lookupAndDeleteBatch(cursor, cursor, outKeys, outValues, 2);
        assertThat(rest).isEqualTo(new BatchResult(1, true));
        assertThat(outValues.getLong(0)).isEqualTo(30);
        assertThat(hash.count()).isEqualTo(2);

        assertThat(hash.deleteBatch(buffer(8).putInt(0, 1).putInt(4, 2), 2).count()).isEqualTo(2);
        assertThat(errno(() -> hash.deleteBatch(u32(1), 1))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> object.map("array").deleteBatch(u32(1), 1))).isEqualTo(Errno.ENOTSUPP);
    }

    @Test
    void aFrozenMapRefusesUserSpaceWrites() {
        FakeMap array = object.map("array");
        array.freeze();
        assertThat(errno(() -> array.update(u32(0), u64(1), 0))).isEqualTo(Errno.EPERM);
        assertThat(errno(array::freeze)).as("freezing twice").isEqualTo(Errno.EPERM);
        assertThat(errno(() -> object.map(".rodata").update(u32(0), buffer(4), 0))).isEqualTo(Errno.EPERM);
    }

    @Test
    void theNthOperationFailsWithTheInjectedErrno() {
        FakeMap hash = object.map("hash");
        kernel.faults().failNth(FaultPoint.MAP_UPDATE, "hash", 3, Errno.ENOMEM);
        hash.update(u32(1), u64(1), 0);
        hash.update(u32(2), u64(2), 0);

        assertThatThrownBy(() -> hash.update(u32(3), u64(3), 0))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM))
                .hasMessageContaining("on map 'hash'").hasMessageContaining("injected");
        assertThat(hash.count()).isEqualTo(2);
        hash.update(u32(3), u64(3), 0); // only the 3rd call fails
    }

    @Test
    void ringBufferAndUnmodelledMapsRefuseElementOperations() {
        assertThat(object.map("ring").type()).isEqualTo(MapType.RINGBUF);
        assertThat(errno(() -> object.map("ring").lookup(null, buffer(0)))).isEqualTo(Errno.ENOTSUPP);
        assertThatThrownBy(() -> object.map("ring").lookup(u32(0), buffer(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass a null key");
    }

    @Test
    void operationsOnAClosedObjectAreRefused() {
        FakeMap hash = object.map("hash");
        object.close();
        assertThatThrownBy(() -> hash.update(u32(1), u64(1), 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static List<Integer> keys(FakeMap map) {
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
}
