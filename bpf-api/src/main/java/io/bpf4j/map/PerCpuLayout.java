package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a per-CPU map's value buffer is laid out: one slot per possible CPU, CPU 0 first, each slot
 * {@code roundUp8(valueSize)} bytes (the kernel copies whole 8-byte words per CPU).
 *
 * @param <V> one CPU's value type
 */
final class PerCpuLayout<V> {
    private final Codec<V> codec;
    private final int stride;
    private final int cpus;

    PerCpuLayout(RawMap map, Codec<V> codec) {
        this.codec = codec;
        this.stride = (map.valueSize() + 7) & ~7;
        this.cpus = map.valueBufferSize() / stride;
    }

    /** The number of CPU slots. */
    int cpus() {
        return cpus;
    }

    /** A zeroed buffer for every CPU's value. */
    ByteBuffer allocate() {
        return ByteBuffer.allocate(stride * cpus).order(ByteOrder.nativeOrder());
    }

    /** The values in {@code buffer} from {@code offset}, CPU 0 first. */
    List<V> decode(ByteBuffer buffer, int offset) {
        List<V> values = new ArrayList<>(cpus);
        for (int cpu = 0; cpu < cpus; cpu++) {
            values.add(codec.decode(buffer, offset + cpu * stride));
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * A buffer holding one value per CPU.
     *
     * @throws IllegalArgumentException when {@code values} does not have one value per CPU
     */
    ByteBuffer encode(List<V> values) {
        if (values.size() != cpus) {
            throw new IllegalArgumentException("a per-CPU value needs " + cpus + " values (one per possible CPU), got "
                    + values.size());
        }
        ByteBuffer buffer = allocate();
        for (int cpu = 0; cpu < cpus; cpu++) {
            codec.encode(values.get(cpu), buffer, cpu * stride);
        }
        return buffer;
    }

    /** A buffer holding {@code value} for every CPU. */
    ByteBuffer encodeSame(V value) {
        return encode(Collections.nCopies(cpus, value));
    }
}
