package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.MapBuffers;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every typed map shares: the raw map underneath, and buffers laid out for the kernel.
 *
 * @param <K> key type
 * @param <V> value type
 */
public abstract class BpfMap<K, V> {
    /** The raw map. */
    protected final RawMap raw;
    /** Key codec. */
    protected final Codec<K> keyCodec;
    /** Value codec. */
    protected final Codec<V> valueCodec;

    /**
     * @throws IllegalArgumentException when a codec's size differs from the map's
     */
    protected BpfMap(RawMap map, Codec<K> keyCodec, Codec<V> valueCodec) {
        this.raw = Objects.requireNonNull(map, "map");
        this.keyCodec = Objects.requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = Objects.requireNonNull(valueCodec, "valueCodec");
        if (keyCodec.size() != map.keySize() || valueCodec.size() != map.valueSize()) {
            throw new IllegalArgumentException("map '" + Printable.escape(map.name()) + "' has key/value sizes "
                    + map.keySize() + "/" + map.valueSize() + " but the codecs have "
                    + keyCodec.size() + "/" + valueCodec.size());
        }
    }

    /** The map's name in the object. */
    public String name() {
        return raw.name();
    }

    /** The kernel map type. */
    public MapType type() {
        return raw.type();
    }

    /** The map's capacity: the kernel's unsigned 32-bit {@code max_entries}, never negative. */
    public long maxEntries() {
        return raw.maxEntries();
    }

    /** The raw map underneath, for byte-level access. */
    public RawMap raw() {
        return raw;
    }

    /**
     * Makes the map read-only for user space: later updates and deletes from user space fail with
     * EPERM, while programs can still write it. Irreversible for the map's lifetime.
     */
    public void freeze() {
        raw.freeze();
    }

    /**
     * Pins the map at {@code path} on a bpffs mount (e.g. {@code /sys/fs/bpf/my_map}), so that it
     * outlives this process and other processes can open it. Remove the file to unpin.
     */
    public void pin(String path) {
        raw.pin(path);
    }

    /**
     * Refuses per-CPU maps, whose buffers hold a value per CPU that a single-value class would
     * misread.
     *
     * @param alternative the class to use for them, for the message
     */
    protected final void requireSingleValues(String alternative) {
        if (raw.valueBufferSize() != raw.valueSize()) {
            throw new IllegalArgumentException("map '" + name() + "' is a per-CPU map (" + type()
                    + ") with one value per CPU: use " + alternative);
        }
    }

    /**
     * {@code index} when it is an index of this array-like map, 0 to {@code maxEntries() - 1}.
     *
     * @throws IllegalArgumentException naming the map, the operation, the index and the range
     */
    protected final int checkIndex(String operation, int index) {
        MapBuffers.index(raw.handle(), operation, "index", index);
        return index;
    }

    /**
     * {@link #maxEntries()} for walking every index with an {@code int}.
     *
     * @throws IllegalStateException for a map of more than {@link Integer#MAX_VALUE} entries, whose
     *     upper indexes an {@code int} cannot address (use the {@link #raw()} map)
     */
    protected final int indexCount() {
        long entries = maxEntries();
        if (entries > Integer.MAX_VALUE) {
            throw new IllegalStateException("map '" + Printable.escape(name()) + "' has " + entries
                    + " entries: indexes past " + Integer.MAX_VALUE + " are only reachable through its raw map");
        }
        return (int) entries;
    }

    /** The keys present now, decoded, each once, even when concurrent deletes make the kernel restart the walk. */
    protected final List<K> decodedKeys() {
        List<ByteBuffer> walked = KeyWalk.keys(raw.handle());
        List<K> keys = new ArrayList<>(walked.size());
        for (ByteBuffer key : walked) {
            keys.add(keyCodec.decode(key, 0));
        }
        return keys;
    }

    /** A native-order buffer holding {@code key}. */
    protected final ByteBuffer encodeKey(K key) {
        ByteBuffer buffer = allocate(keyCodec.size());
        keyCodec.encode(Objects.requireNonNull(key, "key"), buffer, 0);
        return buffer;
    }

    /** A native-order buffer holding {@code value}. */
    protected final ByteBuffer encodeValue(V value) {
        ByteBuffer buffer = allocate(valueCodec.size());
        valueCodec.encode(Objects.requireNonNull(value, "value"), buffer, 0);
        return buffer;
    }

    /**
     * A zeroed native-order buffer for {@code count} packed elements of {@code size} bytes.
     *
     * @throws IllegalArgumentException when they are more bytes than a buffer holds
     */
    protected final ByteBuffer allocatePacked(int count, int size, String what) {
        long bytes = (long) count * size;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("map '" + Printable.escape(name()) + "': " + count + " " + what
                    + " of " + size + " bytes are " + bytes + " bytes, more than one batch buffer holds");
        }
        return allocate((int) bytes);
    }

    /** A zeroed native-order buffer of {@code size} bytes. */
    protected static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + ", " + type() + ", max_entries=" + maxEntries() + "]";
    }
}
