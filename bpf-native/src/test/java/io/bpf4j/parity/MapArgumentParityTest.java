package io.bpf4j.parity;

import static io.bpf4j.parity.ParityFixture.buffer;
import static io.bpf4j.parity.ParityFixture.u32;
import static io.bpf4j.parity.ParityFixture.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import io.bpf4j.Kernel;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.BpfLpmTrie;
import io.bpf4j.map.BpfPerCpuArrayMap;
import io.bpf4j.map.BpfProgArray;
import io.bpf4j.map.BpfQueue;
import io.bpf4j.map.LpmKey;
import io.bpf4j.map.RawMap;
import io.bpf4j.test.BackendTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * The {@link RawMap} argument rules on the fake and on the real kernel: the same calls are
 * refused with the same exception on both, and a refused call changes nothing in the map (the
 * checks run before the kernel is asked). Typed maps refuse values that do not fit the C type.
 */
class MapArgumentParityTest {
    @BackendTest
    void aLookupAndDeleteIntoAReadOnlyBufferIsRefusedAndDeletesNothing(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            hash.update(u32(1), u64(10), 0);

            assertThatThrownBy(() -> hash.lookupAndDelete(u32(1), buffer(8).asReadOnlyBuffer()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lookupAndDelete on map 'hash': the value buffer is read-only, but the operation"
                            + " writes into it");

            ByteBuffer value = buffer(8);
            assertThat(hash.lookup(u32(1), value)).as("the element is still there").isTrue();
            assertThat(value.getLong(0)).isEqualTo(10);
            RawMap queue = fixture.object().map("queue");
            queue.update(null, u32(7), 0);
            assertThatThrownBy(() -> queue.lookupAndDelete(null, buffer(4).asReadOnlyBuffer()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(queue.lookupAndDelete(null, value.limit(4))).as("nothing was popped").isTrue();
            assertThat(value.getInt(0)).isEqualTo(7);
        }
    }

    @BackendTest
    void buffersThatAreNotExactlyTheMapsSizesAreRefused(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            // 2^32 + 5 as an 8-byte key of a map whose keys are u32: never the key 5.
            ByteBuffer wideKey = u64((1L << 32) + 5);

            assertThatThrownBy(() -> hash.update(wideKey, u64(1), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("update on map 'hash': the key buffer must hold exactly 4 bytes (its limit), not 8");
            assertThatThrownBy(() -> hash.update(u32(5), buffer(16), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("update on map 'hash': the value buffer must hold exactly 8 bytes (its limit),"
                            + " not 16");
            assertThatThrownBy(() -> hash.update(u32(5), buffer(4), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hash.lookup(u32(5), buffer(9))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hash.delete(wideKey)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hash.nextKey(null, buffer(8))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the nextKey buffer must hold exactly 4 bytes");

            assertThat(hash.lookup(u32(5), buffer(8))).as("nothing was written").isFalse();
            assertThat(hash.nextKey(null, buffer(4))).as("the map is still empty").isFalse();
        }
    }

    @BackendTest
    void nullAndKeylessArgumentsAreRefusedTheSameWay(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            RawMap queue = fixture.object().map("queue");

            assertThatThrownBy(() -> hash.update(null, u64(1), 0)).isInstanceOf(NullPointerException.class)
                    .hasMessage("update on map 'hash': key must not be null (the map has 4-byte keys)");
            assertThatThrownBy(() -> hash.lookup(u32(1), null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("lookup on map 'hash': value must not be null");
            assertThatThrownBy(() -> hash.nextKey(null, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> queue.update(u32(0), u32(1), 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("update on map 'queue': the map has no keys (QUEUE): pass a null key");
            assertThat(queue.lookup(null, buffer(4))).as("nothing was pushed").isFalse();
        }
    }

    @BackendTest
    void outputBuffersMustBeWritableInputBuffersNeedNotBe(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            hash.update(u32(2).asReadOnlyBuffer(), u64(20).asReadOnlyBuffer(), 0);

            assertThatThrownBy(() -> hash.lookup(u32(2), buffer(8).asReadOnlyBuffer()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> hash.nextKey(null, buffer(4).asReadOnlyBuffer()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nextKey buffer is read-only");
            RawMap bloom = fixture.object().map("bloom");
            bloom.update(null, u32(42), 0);
            assertThat(bloom.lookup(null, u32(42).asReadOnlyBuffer())).as("a bloom query only reads").isTrue();
        }
    }

    @BackendTest
    void positionIsIgnoredAndLeftAlone(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            // Filled with relative puts and not flipped: position at the end, limit at the size.
            ByteBuffer key = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(3);
            ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(30);

            hash.update(key, value, 0);

            ByteBuffer read = buffer(8).position(5);
            assertThat(hash.lookup(u32(3), read)).isTrue();
            assertThat(read.getLong(0)).isEqualTo(30);
            assertThat(read.position()).isEqualTo(5);
            assertThat(key.position()).isEqualTo(4);
            assertThat(value.position()).isEqualTo(8);
        }
    }

    @BackendTest
    void batchBuffersAreCheckedBeforeAnythingIsDeletedOrWritten(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            RawMap hash = fixture.object().map("hash");
            hash.update(u32(1), u64(10), 0);
            hash.update(u32(2), u64(20), 0);
            ByteBuffer cursor = buffer(hash.batchCursorSize());

            assertThatThrownBy(() -> hash.lookupAndDeleteBatch(null, cursor, buffer(12), buffer(24).asReadOnlyBuffer(),
                    3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lookupAndDeleteBatch on map 'hash': the values buffer is read-only, but the"
                            + " operation writes into it");
            assertThatThrownBy(() -> hash.lookupAndDeleteBatch(null, cursor.asReadOnlyBuffer(), buffer(12),
                    buffer(24), 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hash.lookupAndDeleteBatch(null, cursor, buffer(16), buffer(24), 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lookupAndDeleteBatch on map 'hash': the keys buffer must hold exactly 12 bytes"
                            + " (its limit), not 16");
            assertThatThrownBy(() -> hash.lookupAndDeleteBatch(null, null, buffer(12), buffer(24), 3))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> hash.lookupBatch(buffer(3), cursor, buffer(12), buffer(24), 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inCursor");
            assertThatThrownBy(() -> hash.lookupBatch(null, cursor, buffer(0), buffer(0), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be positive, not 0");
            assertThat(hash.lookup(u32(1), buffer(8))).as("nothing was deleted").isTrue();
            assertThat(hash.lookup(u32(2), buffer(8))).isTrue();

            ByteBuffer keys = buffer(8).putInt(0, 3).putInt(4, 4);
            assertThatThrownBy(() -> hash.updateBatch(keys, buffer(24), 2, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values buffer");
            assertThat(hash.lookup(u32(3), buffer(8))).as("nothing was written").isFalse();
            assertThatThrownBy(() -> hash.deleteBatch(buffer(12).putInt(0, 1).putInt(4, 2), 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hash.deleteBatch(u32(1), -1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(hash.lookup(u32(1), buffer(8))).as("nothing was deleted").isTrue();
        }
    }

    @BackendTest
    void maxEntriesIsTheKernelsUnsignedCapacity(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            assertThat(fixture.object().map("hash").maxEntries()).isEqualTo(3L);
            assertThat(fixture.object().map("array").maxEntries()).isEqualTo(4L);
            assertThat(fixture.object().map("events").maxEntries()).isEqualTo(4096L);
        }
    }

    @BackendTest
    void typedMapsRefuseValuesTheirCTypesCannotHold(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            BpfHashMap<Long, Long> hash = new BpfHashMap<>(fixture.object().map("hash"), Codecs.UINT32,
                    Codecs.UINT64);

            assertThatThrownBy(() -> hash.put((1L << 32) + 5, 1L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("u32: 4294967301 is out of range 0 to 4294967295 (u32)");
            assertThatThrownBy(() -> hash.putAll(Map.of(-1L, 1L), io.bpf4j.map.UpdateFlag.ANY))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(hash.get(5L)).as("key 5 was never written").isEmpty();
            assertThat(hash.keys()).isEmpty();

            BpfArrayMap<Long> array = new BpfArrayMap<>(fixture.object().map("array"), Codecs.UINT64);
            assertThatThrownBy(() -> array.set(-1, 1L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("set on map 'array': index -1 is out of range 0 to 3");
            assertThatThrownBy(() -> array.get(4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("get on map 'array': index 4 is out of range 0 to 3");
            assertThat(array.values()).containsExactly(0L, 0L, 0L, 0L);

            BpfPerCpuArrayMap<Long> perCpu = new BpfPerCpuArrayMap<>(fixture.object().map("percpu_array"),
                    Codecs.UINT32);
            assertThatThrownBy(() -> perCpu.get(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("index -2147483648 is out of range 0 to");
            BpfProgArray progs = new BpfProgArray(fixture.object().map("progs"));
            assertThatThrownBy(() -> progs.set(2, fixture.object().program("ring_record")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("set on map 'progs': index 2 is out of range 0 to 1");
            assertThat(progs.programId(0)).isEmpty();

            BpfLpmTrie<Integer, Long> lpm = new BpfLpmTrie<>(fixture.object().map("lpm"), Codecs.INT32,
                    Codecs.UINT32);
            assertThatThrownBy(() -> lpm.put(new LpmKey<>(33, 0x0a000000), 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("LpmKey prefixLength: 33 is out of range 0 to 32 (the bits of 4 data bytes)");
            assertThat(lpm.keys()).isEmpty();

            BpfQueue<Long> queue = new BpfQueue<>(fixture.object().map("queue"), Codecs.UINT32);
            assertThatThrownBy(() -> queue.push(-1L)).isInstanceOf(IllegalArgumentException.class);
            queue.push(0xffff_ffffL);
            assertThat(queue.pop()).contains(0xffff_ffffL);
            assertThat(queue.peek()).isEmpty();
        }
    }
}
