package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A stack trace map ({@code BPF_MAP_TYPE_STACK_TRACE}): programs store stacks with
 * {@code bpf_get_stackid} and record the id it returns; user space reads the frames by that id.
 * The value is {@code __u64 ips[depth]} with depth at most {@link StackTrace#MAX_DEPTH}.
 */
public final class BpfStackTraceMap extends BpfMap<Integer, StackTrace> {
    /** Types a raw stack trace map whose value is an array of 8-byte instruction pointers. */
    public BpfStackTraceMap(RawMap map) {
        super(map, Codecs.INT32, codec(map.valueSize()));
    }

    /** The trace stored under {@code stackId}; empty when none is (ids are reused as traces are evicted). */
    public Optional<StackTrace> get(int stackId) {
        if (stackId < 0) {
            // bpf_get_stackid returns a negative errno when it could not store a trace.
            return Optional.empty();
        }
        ByteBuffer value = allocate(valueCodec.size());
        if (!raw.lookup(encodeKey(stackId), value)) {
            return Optional.empty();
        }
        return Optional.of(valueCodec.decode(value, 0));
    }

    /** Frees the trace {@code stackId}; false when there was none (a negative id, an error, names none). */
    public boolean delete(int stackId) {
        if (stackId < 0) {
            // As in get: not an id, and as a u32 key it would name a bucket the kernel refuses with E2BIG.
            return false;
        }
        return raw.delete(encodeKey(stackId));
    }

    /** The ids of the stored traces, each once. */
    public List<Integer> stackIds() {
        return decodedKeys();
    }

    private static Codec<StackTrace> codec(int valueSize) {
        if (valueSize % 8 != 0 || valueSize / 8 > StackTrace.MAX_DEPTH || valueSize == 0) {
            throw new IllegalArgumentException("a stack trace map's value must be 1 to " + StackTrace.MAX_DEPTH
                    + " 8-byte frames, not " + valueSize + " bytes");
        }
        int depth = valueSize / 8;
        return new Codec<>() {
            @Override
            public int size() {
                return valueSize;
            }

            @Override
            public StackTrace decode(ByteBuffer buffer, int offset) {
                long[] frames = new long[depth];
                int used = 0;
                // The kernel ends a trace shorter than the map's depth with a zero frame.
                while (used < depth && (frames[used] = buffer.getLong(offset + used * 8)) != 0) {
                    used++;
                }
                return new StackTrace(Arrays.copyOf(frames, used));
            }

            @Override
            public void encode(StackTrace trace, ByteBuffer buffer, int offset) {
                for (int i = 0; i < depth; i++) {
                    buffer.putLong(offset + i * 8, i < trace.depth() ? trace.frame(i) : 0);
                }
            }
        };
    }
}
