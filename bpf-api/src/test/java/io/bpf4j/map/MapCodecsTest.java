package io.bpf4j.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts the typed maps put into kernel buffers, and what a backend without the newer operations says. */
class MapCodecsTest {
    @Test
    void lpmKeysArePrefixLengthThenData() {
        Codec<LpmKey<Integer>> codec = LpmKey.codec(Codecs.INT32);
        ByteBuffer buffer = ByteBuffer.allocate(codec.size()).order(ByteOrder.nativeOrder());

        codec.encode(new LpmKey<>(24, 0x0a0b0c00), buffer, 0);

        assertThat(codec.size()).isEqualTo(8);
        assertThat(buffer.getInt(0)).isEqualTo(24);
        assertThat(buffer.getInt(4)).isEqualTo(0x0a0b0c00);
        assertThat(codec.decode(buffer, 0)).isEqualTo(new LpmKey<>(24, 0x0a0b0c00));
        assertThatThrownBy(() -> new LpmKey<>(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perCpuSlotsAreRoundedUpToEightBytes() {
        RawMap map = Backends.objectMap(new SizedHandle(MapType.PERCPU_HASH, 4, 4, 16));
        PerCpuLayout<Integer> layout = new PerCpuLayout<>(map, Codecs.INT32);

        ByteBuffer buffer = layout.encode(List.of(1, 2));

        assertThat(layout.cpus()).isEqualTo(2);
        assertThat(buffer.limit()).isEqualTo(16);
        assertThat(buffer.getInt(0)).isEqualTo(1);
        assertThat(buffer.getInt(8)).isEqualTo(2);
        assertThat(layout.decode(buffer, 0)).containsExactly(1, 2);
        assertThat(PerCpuValues.sum(List.of(3L, 4L), Long::longValue)).isEqualTo(7);
        assertThatThrownBy(() -> layout.encode(List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 values");
    }

    @Test
    void stackTracesEndAtTheFirstZeroFrame() {
        StackTrace trace = new StackTrace(new long[] {0x10, 0x20});

        assertThat(trace.depth()).isEqualTo(2);
        assertThat(trace.frames()).containsExactly(0x10, 0x20);
        assertThat(trace).hasToString("StackTrace[0x10, 0x20]").isEqualTo(new StackTrace(new long[] {0x10, 0x20}));
        assertThatThrownBy(() -> new StackTrace(new long[StackTrace.MAX_DEPTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operationsABackendLacksFailNamingThem() {
        MapHandle handle = new SizedHandle(MapType.QUEUE, 0, 4, 4);
        BpfQueue<Integer> queue = new BpfQueue<>(Backends.objectMap(handle), Codecs.INT32);

        assertThatThrownBy(queue::pop)
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("lookupAndDelete on map 'm' failed: lookupAndDelete on map 'm' not supported by this"
                        + " backend (SizedHandle)");
        assertThatThrownBy(queue::freeze).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("freeze on map 'm' not supported by this backend");
        assertThatThrownBy(handle::fd).isInstanceOf(UnsupportedFeatureException.class);
    }

    /** A handle with sizes only; its per-CPU buffer has two CPUs. The newer operations keep their defaults. */
    private static final class SizedHandle implements MapHandle {
        private final MapType type;
        private final int keySize;
        private final int valueSize;
        private final int maxEntries;

        SizedHandle(MapType type, int keySize, int valueSize, int maxEntries) {
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
            return type == MapType.PERCPU_HASH ? 2 * ((valueSize + 7) & ~7) : valueSize;
        }

        @Override
        public long maxEntries() {
            return maxEntries;
        }

        @Override
        public boolean lookup(ByteBuffer key, ByteBuffer value) {
            return false;
        }

        @Override
        public void update(ByteBuffer key, ByteBuffer value, long flags) {
            // Accepts everything: these tests only look at layouts and defaults.
        }

        @Override
        public boolean delete(ByteBuffer key) {
            return false;
        }

        @Override
        public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
            return false;
        }
    }
}
