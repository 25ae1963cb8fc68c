package io.bpf4j.spi;

import io.bpf4j.spec.MapType;
import java.nio.ByteBuffer;

/**
 * Raw key/value access to one kernel map. Keys and values are passed as buffers of exactly
 * {@link #keySize()} / {@link #valueSize()} bytes from position 0, in native byte order.
 * Failures throw {@link io.bpf4j.BpfException} naming the map, the operation and the errno.
 */
public interface MapHandle {
    /** The map's name in the object. */
    String name();

    /** The map's kernel type. */
    MapType type();

    /** Key size in bytes. */
    int keySize();

    /** Value size in bytes (for per-CPU maps, of one CPU's value). */
    int valueSize();

    /** Capacity as loaded. */
    int maxEntries();

    /** Copies the value for {@code key} into {@code value}; false when there is none (ENOENT). */
    boolean lookup(ByteBuffer key, ByteBuffer value);

    /** Creates or replaces an element; {@code flags} are BPF_ANY (0), BPF_NOEXIST (1), BPF_EXIST (2). */
    void update(ByteBuffer key, ByteBuffer value, long flags);

    /** Deletes an element; false when there was none (ENOENT). */
    boolean delete(ByteBuffer key);

    /**
     * Writes the key after {@code key} (or the first key when {@code key} is null) into
     * {@code nextKey}; false when there is no further key.
     */
    boolean nextKey(ByteBuffer key, ByteBuffer nextKey);
}
