package io.bpf4j.map;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.MapAccess;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One kernel map as bytes: the documented raw map type. Every typed map class is built from one
 * ({@code new BpfHashMap<>(raw, keyCodec, valueCodec)}), so a map found by name can be typed by
 * hand; maps no typed class covers are used as they are.
 *
 * <p><b>Buffers.</b> Keys and values are in native byte order and hold exactly what the operation
 * exchanges: a key's {@code limit()} is {@link #keySize()}, a value's {@link #valueBufferSize()},
 * a batch's {@code count} packed elements, a cursor's {@link #batchCursorSize()}; larger buffers are
 * refused, not truncated. Contents are read and written at indexes 0 to {@code limit() - 1} whatever
 * the position; heap, direct and read-only buffers are accepted as inputs, buffers an operation
 * writes must be writable. Every argument is checked before anything changes in the kernel: a
 * refused call ({@link IllegalArgumentException} naming the map, the operation and the argument;
 * {@link NullPointerException} for a missing buffer) has no effect. The {@code byte[]} methods do
 * the same with arrays of exactly those sizes.
 *
 * <p><b>Per-CPU maps</b> exchange one value per possible CPU: a value buffer holds
 * {@code roundUp8(valueSize()) * possibleCpus} bytes, CPU 0 first. <b>Maps without keys</b>
 * (queue, stack, bloom filter; {@code keySize() == 0}) take a {@code null} key: an update pushes,
 * {@link #lookupAndDelete} pops and {@link #lookup} peeks (for a bloom filter: tests the value).
 *
 * <p><b>Lifetime.</b> A map handed out by a loaded object belongs to it: {@link #close()} does
 * nothing and the map goes with the object. A map opened on its own
 * ({@link io.bpf4j.Kernel#openPinnedMap}, {@link io.bpf4j.Kernel#openMapById}) is the caller's to
 * close. Any operation may race the owner's close from another thread: one that loses throws
 * {@link IllegalStateException} naming the owner and the operation, and never reaches another map.
 * Failures of the kernel are {@link io.bpf4j.BpfException}s naming the map, the operation and the
 * errno.
 */
public final class RawMap implements AutoCloseable {
    static {
        Bridge.register(MapAccess.class, new MapAccess() {
            @Override
            public RawMap objectMap(MapHandle handle) {
                return new RawMap(handle, null);
            }

            @Override
            public RawMap ownedMap(OwnedMapHandle handle) {
                return new RawMap(handle, handle);
            }

            @Override
            public MapHandle handle(RawMap map) {
                return map.handle;
            }
        });
    }

    private final MapHandle handle;
    /** The handle to close, for a map opened on its own; null when an object owns the map. */
    private final OwnedMapHandle owned;

    private RawMap(MapHandle handle, OwnedMapHandle owned) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.owned = owned;
    }

    /** The handle underneath, for this package's typed classes. */
    MapHandle handle() {
        return handle;
    }

    /** The map's name (in its object, or as the kernel reports it for a map opened on its own). */
    public String name() {
        return handle.name();
    }

    /** The kernel map type. */
    public MapType type() {
        return handle.type();
    }

    /** Key size in bytes; 0 for maps without keys. */
    public int keySize() {
        return handle.keySize();
    }

    /** Value size in bytes; for a per-CPU map, of one CPU's value. */
    public int valueSize() {
        return handle.valueSize();
    }

    /**
     * The size of one element's value as the kernel exchanges it: {@link #valueSize()}, or for
     * per-CPU maps {@code roundUp8(valueSize()) * possibleCpus}.
     */
    public int valueBufferSize() {
        return handle.valueBufferSize();
    }

    /** The map's capacity: the kernel's unsigned 32-bit {@code max_entries}, never negative. */
    public long maxEntries() {
        return handle.maxEntries();
    }

    /** The kernel's id of the map, as {@code bpftool map list} shows it. */
    public int id() {
        return handle.id();
    }

    /**
     * Runs {@code use} with the map's file descriptor, which stays this map's until {@code use}
     * returns (its owner's close waits for it): for system calls bpf4j does not make itself.
     * {@code use} must not keep the number, wait for other threads or close the owner.
     *
     * @throws IllegalStateException once the owner is closed
     */
    public void useFd(IntConsumer use) {
        handle.useFd(Objects.requireNonNull(use, "use"));
    }

    /** Copies the value for {@code key} into {@code value}; false when there is none. */
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        return handle.lookup(key, value);
    }

    /**
     * Creates or replaces an element as {@code flags} says: {@link UpdateFlag#bits()}, possibly
     * or-ed with further {@code BPF_F_*} flags the kernel accepts for the map.
     */
    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        handle.update(key, value, flags);
    }

    /** Creates or replaces an element as {@code flag} says. */
    public void update(ByteBuffer key, ByteBuffer value, UpdateFlag flag) {
        handle.update(key, value, flag.bits());
    }

    /** Deletes an element; false when there was none. */
    public boolean delete(ByteBuffer key) {
        return handle.delete(key);
    }

    /**
     * Writes the key after {@code key} (the first key when {@code key} is null) into
     * {@code nextKey}; false when there is no further key. When {@code key} was deleted meanwhile,
     * a hash map answers its first key again: {@link #keys()} walks without repeating keys.
     */
    public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        return handle.nextKey(key, nextKey);
    }

    /** Copies the value for {@code key} into {@code value} and deletes the element, atomically (pops a queue). */
    public boolean lookupAndDelete(ByteBuffer key, ByteBuffer value) {
        return handle.lookupAndDelete(key, value);
    }

    /**
     * Copies up to {@code count} elements into {@code keys} and {@code values} (buffers of exactly
     * {@code count} packed elements), continuing after {@code inCursor} ({@code null} to start) and
     * writing where to continue into {@code outCursor} ({@code BPF_MAP_LOOKUP_BATCH}).
     *
     * @throws io.bpf4j.UnsupportedFeatureException when the backend has no batch operations
     */
    public BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys, ByteBuffer values,
            int count) {
        return handle.lookupBatch(inCursor, outCursor, keys, values, count);
    }

    /** {@link #lookupBatch} that also deletes every element it returns. */
    public BatchResult lookupAndDeleteBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        return handle.lookupAndDeleteBatch(inCursor, outCursor, keys, values, count);
    }

    /** Writes {@code count} packed elements in order, each as {@link #update} would with {@code flags}. */
    public BatchResult updateBatch(ByteBuffer keys, ByteBuffer values, int count, long flags) {
        return handle.updateBatch(keys, values, count, flags);
    }

    /** Deletes {@code count} packed keys in order; a missing key fails the batch with ENOENT. */
    public BatchResult deleteBatch(ByteBuffer keys, int count) {
        return handle.deleteBatch(keys, count);
    }

    /** The size of the opaque cursor of {@link #lookupBatch}. */
    public int batchCursorSize() {
        return handle.batchCursorSize();
    }

    /** The value for {@code key} ({@code null} for maps without keys), if present; a copy. */
    public Optional<byte[]> lookup(byte[] key) {
        ByteBuffer value = allocate(valueBufferSize());
        return handle.lookup(wrapKey(key), value) ? Optional.of(value.array()) : Optional.empty();
    }

    /** Creates or replaces the element as {@code flag} says ({@code key} {@code null} for maps without keys). */
    public void update(byte[] key, byte[] value, UpdateFlag flag) {
        handle.update(wrapKey(key), ByteBuffer.wrap(Objects.requireNonNull(value, "value")), flag.bits());
    }

    /** Deletes the element; false when there was none. */
    public boolean delete(byte[] key) {
        return handle.delete(wrapKey(key));
    }

    /**
     * The keys present now, each once, in the kernel's order, even when concurrent deletes make the
     * kernel's walk start over.
     */
    public List<byte[]> keys() {
        List<ByteBuffer> walked = KeyWalk.keys(handle);
        List<byte[]> keys = new ArrayList<>(walked.size());
        for (ByteBuffer key : walked) {
            keys.add(key.array());
        }
        return keys;
    }

    /** Makes the map read-only for user space ({@code BPF_MAP_FREEZE}); programs can still write it. */
    public void freeze() {
        handle.freeze();
    }

    /**
     * Pins the map at {@code path} on a bpffs mount (e.g. {@code /sys/fs/bpf/my_map}), so that it
     * outlives this process and other processes can open it. Remove the file to unpin.
     */
    public void pin(String path) {
        handle.pin(path);
    }

    /** Stores the cgroup of {@code cgroupDirectory} at {@code index} of a cgroup array. */
    void setCgroup(int index, String cgroupDirectory) {
        handle.setCgroup(index, cgroupDirectory);
    }

    /** Whether the caller owns this map (opened from a pin or by id) and must close it. */
    public boolean isOwned() {
        return owned != null;
    }

    /**
     * Closes a map opened on its own (only this process's reference goes: the map lives on while a
     * pin, a program or another fd holds it); does nothing for a map of an object, which its
     * object closes. Idempotent.
     */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    private ByteBuffer wrapKey(byte[] key) {
        // Maps without keys take null; a missing key of a keyed map is refused by the map's checks.
        return key == null ? null : ByteBuffer.wrap(key).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    @Override
    public String toString() {
        return "RawMap[" + Printable.escape(name()) + ", " + type() + ", max_entries=" + maxEntries()
                + (owned != null ? ", owned" : "") + "]";
    }
}
