package io.bpf4j.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typed maps refuse indexes and values that do not fit the kernel's types before the handle is
 * called, and handle capacities up to the u32 maximum without int overflow.
 */
class TypedMapRangesTest {
    private static final long U32_MAX = 0xffff_ffffL;

    @Test
    void arrayIndexesOutsideTheMapAreRefusedBeforeTheHandleIsCalled() {
        Recording handle = new Recording(MapType.ARRAY, 4, 8, 4);
        BpfArrayMap<Long> array = new BpfArrayMap<>(Backends.objectMap(handle), Codecs.INT64);

        assertThatThrownBy(() -> array.set(-1, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set on map 'm': index -1 is out of range 0 to 3");
        assertThatThrownBy(() -> array.get(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("get on map 'm': index 4 is out of range 0 to 3");
        assertThat(handle.calls).isEmpty();
    }

    @Test
    void everyArrayKindChecksItsIndexes() {
        Recording handle = new Recording(MapType.CGROUP_ARRAY, 4, 4, 2);

        assertThatThrownBy(() -> new BpfCgroupArray(Backends.objectMap(handle)).set(2, Path.of("/sys/fs/cgroup")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set on map 'm': index 2 is out of range 0 to 1");
        assertThatThrownBy(() -> new BpfPerfEventArray(Backends.objectMap(handle)).set(-1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BpfPerfEventArray(Backends.objectMap(handle)).clear(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clear on map 'm': index 5 is out of range 0 to 1");
        assertThatThrownBy(() -> new BpfArrayOfMaps(Backends.objectMap(handle)).innerMapId(-7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookup on map 'm': index -7 is out of range 0 to 1");
        Recording perCpu = new Recording(MapType.PERCPU_ARRAY, 4, 8, 2);
        assertThatThrownBy(() -> new BpfPerCpuCounters(Backends.objectMap(perCpu)).get(2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(handle.calls).isEmpty();
        assertThat(perCpu.calls).isEmpty();
    }

    @Test
    void aCapacityBeyondIntIsReportedUnsignedAndItsIntIndexesAllWork() {
        Recording handle = new Recording(MapType.ARRAY, 4, 8, U32_MAX);
        BpfArrayMap<Long> array = new BpfArrayMap<>(Backends.objectMap(handle), Codecs.INT64);

        assertThat(array.maxEntries()).isEqualTo(U32_MAX);
        assertThat(array).hasToString("BpfArrayMap[m, ARRAY, max_entries=4294967295]");
        array.set(Integer.MAX_VALUE, 5L);
        assertThat(handle.calls).containsExactly("update 2147483647");
    }

    @Test
    void listingEveryIndexRefusesArraysAnIntCannotIndex() {
        Recording handle = new Recording(MapType.ARRAY, 4, 8, 1L << 31);
        Recording perCpu = new Recording(MapType.PERCPU_ARRAY, 4, 8, U32_MAX);

        assertThatThrownBy(() -> new BpfArrayMap<>(Backends.objectMap(handle), Codecs.INT64).values())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("map 'm' has 2147483648 entries: indexes past 2147483647 are only reachable through its"
                        + " raw map");
        assertThatThrownBy(() -> new BpfPerCpuCounters(Backends.objectMap(perCpu)).sum())
                .isInstanceOf(IllegalStateException.class);
        assertThat(handle.calls).isEmpty();
    }

    @Test
    void batchesTooLargeForOneBufferAreRefusedBeforeAllocating() {
        Codec<Integer> huge = new Sized(1 << 30);
        Recording handle = new Recording(MapType.HASH, 1 << 30, 8, U32_MAX);
        BpfHashMap<Integer, Long> hash = new BpfHashMap<>(Backends.objectMap(handle), huge, Codecs.INT64);

        assertThatThrownBy(() -> hash.deleteAll(List.of(1, 2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'm': 3 keys of 1073741824 bytes are 3221225472 bytes, more than one batch buffer"
                        + " holds");
        assertThatThrownBy(() -> hash.putAll(Map.of(1, 1L, 2, 2L), UpdateFlag.ANY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(handle.calls).isEmpty();
    }

    @Test
    void negativeStackIdsAreErrorsOfBpfGetStackidNotKeys() {
        Recording handle = new Recording(MapType.STACK_TRACE, 4, 8 * 127, 1024);
        BpfStackTraceMap stacks = new BpfStackTraceMap(Backends.objectMap(handle));

        assertThat(stacks.get(-14)).isEmpty();
        assertThat(stacks.delete(-14)).isFalse();
        assertThat(handle.calls).isEmpty();
        assertThat(stacks.delete(3)).isFalse();
        assertThat(handle.calls).containsExactly("delete 3");
    }

    @Test
    void lpmPrefixesLongerThanTheirDataAreRefused() {
        Codec<LpmKey<Integer>> codec = LpmKey.codec(Codecs.INT32);
        ByteBuffer buffer = ByteBuffer.allocate(codec.size());

        codec.encode(new LpmKey<>(32, 1), buffer, 0);
        assertThatThrownBy(() -> codec.encode(new LpmKey<>(33, 1), buffer, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LpmKey prefixLength: 33 is out of range 0 to 32 (the bits of 4 data bytes)");
        assertThatThrownBy(() -> new LpmKey<>(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LpmKey prefixLength: -1 is out of range 0 to the key data's bits");
    }

    /** A handle that records the element operations that reach it. */
    private static final class Recording implements MapHandle {
        final List<String> calls = new ArrayList<>();
        private final MapType type;
        private final int keySize;
        private final int valueSize;
        private final long maxEntries;

        Recording(MapType type, int keySize, int valueSize, long maxEntries) {
            this.type = type;
            this.keySize = keySize;
            this.valueSize = valueSize;
            this.maxEntries = maxEntries;
        }

        @Override
        public String name() {
            return "m";
        }

        @Override
        public MapType type() {
            return type;
        }

        @Override
        public int keySize() {
            return keySize;
        }

        @Override
        public int valueSize() {
            return valueSize;
        }

        @Override
        public int valueBufferSize() {
            return type == MapType.PERCPU_ARRAY ? 2 * ((valueSize + 7) & ~7) : valueSize;
        }

        @Override
        public long maxEntries() {
            return maxEntries;
        }

        @Override
        public boolean lookup(ByteBuffer key, ByteBuffer value) {
            calls.add("lookup " + key.getInt(0));
            return false;
        }

        @Override
        public void update(ByteBuffer key, ByteBuffer value, long flags) {
            calls.add("update " + key.getInt(0));
        }

        @Override
        public boolean delete(ByteBuffer key) {
            calls.add("delete " + key.getInt(0));
            return false;
        }

        @Override
        public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
            calls.add("nextKey");
            return false;
        }

        @Override
        public void setCgroup(int index, String cgroupDirectory) {
            calls.add("setCgroup " + index);
        }
    }

    /** A codec of {@code size} bytes that writes nothing: only its size matters here. */
    private record Sized(int size) implements Codec<Integer> {
        @Override
        public Integer decode(ByteBuffer buffer, int offset) {
            return 0;
        }

        @Override
        public void encode(Integer value, ByteBuffer buffer, int offset) {
            // Nothing: the tests never get this far.
        }
    }
}
