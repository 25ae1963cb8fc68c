package io.bpf4j.spi;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spec.MapType;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * Raw key/value access to one kernel map. Failures throw {@link io.bpf4j.BpfException} naming the
 * map, the operation and the errno.
 *
 * <p><b>Buffers.</b> Every buffer holds exactly what the operation exchanges, in native byte order:
 * its {@code limit()} must be exactly {@link #keySize()} bytes for a key, {@link #valueBufferSize()}
 * for a value, {@code count} packed elements for a batch and {@link #batchCursorSize()} for a cursor
 * (a larger buffer is refused, not truncated: an 8-byte key given to a map of 4-byte keys is a
 * mistake, not the key's low half). The content is at indexes 0 to {@code limit() - 1} whatever the
 * buffer's position: operations use absolute access and change neither position nor limit, so a
 * buffer filled with relative puts and not flipped works too; to pass part of a larger buffer, pass
 * a {@link ByteBuffer#slice(int, int) slice}. Heap, direct and read-only buffers are all accepted
 * as inputs; a buffer an operation writes (a looked-up value, a next key, batch outputs and cursors)
 * must not be read-only. Every argument is checked before anything changes in the kernel (the
 * checks are {@link MapBuffers}'), so a refused call has no effect: a {@code null} buffer where one
 * is needed is a {@link NullPointerException}, any other bad argument an
 * {@link IllegalArgumentException} naming the map, the operation and the argument.
 *
 * <p><b>Per-CPU maps</b> (per-CPU hash and array, LRU per-CPU hash) exchange one value per possible
 * CPU: a value buffer holds {@code roundUp8(valueSize()) * possibleCpus} bytes, CPU 0 first, each
 * CPU's value starting at a multiple of 8 (the kernel copies whole 8-byte words per CPU). See
 * {@link #valueBufferSize()} and {@link KernelBackend#possibleCpus()}.
 *
 * <p><b>Maps without keys</b> (queue, stack, bloom filter; {@code keySize() == 0}) take a
 * {@code null} key: {@code update(null, v, flags)} pushes (or adds to the bloom filter),
 * {@code lookupAndDelete(null, v)} pops, and {@code lookup(null, v)} peeks — for a bloom filter
 * {@code lookup} reads {@code v} and answers whether it may be present.
 *
 * <p>Any operation may race the close of the map's owner (its object, or an
 * {@link OwnedMapHandle}): one that loses throws {@link IllegalStateException} naming the owner
 * and the operation, and never reaches another map.
 *
 * <p>Methods added after the first release have defaults that throw
 * {@link UnsupportedFeatureException} so that a backend may implement them later.
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

    /**
     * Capacity as loaded: the kernel's {@code max_entries}, an unsigned 32-bit number, so 0 to
     * 4294967295, never negative. For a ring buffer it is the data area's size in bytes.
     */
    long maxEntries();

    /** Copies the value for {@code key} into {@code value}; false when there is none (ENOENT). */
    boolean lookup(ByteBuffer key, ByteBuffer value);

    /** Creates or replaces an element; {@code flags} are BPF_ANY (0), BPF_NOEXIST (1), BPF_EXIST (2). */
    void update(ByteBuffer key, ByteBuffer value, long flags);

    /** Deletes an element; false when there was none (ENOENT). */
    boolean delete(ByteBuffer key);

    /**
     * Writes the key after {@code key} (or the first key when {@code key} is null) into
     * {@code nextKey}; false when there is no further key.
     *
     * <p>When {@code key} is no longer in a hash map or LPM trie (deleted meanwhile), the kernel
     * answers the <em>first</em> key, so a naive walk starts over and reports keys twice; the typed
     * maps' {@code keys()} remember what they reported and skip it.
     */
    boolean nextKey(ByteBuffer key, ByteBuffer nextKey);

    /**
     * The size of one element's value as the kernel exchanges it: {@link #valueSize()}, or for
     * per-CPU maps {@code roundUp8(valueSize()) * possibleCpus}.
     */
    default int valueBufferSize() {
        return valueSize();
    }

    /**
     * The map's file descriptor, owned by whoever owns the map. Only a number: once the owner
     * closes, the number may name another object. To use it in a system call, prefer
     * {@link #useFd}, which keeps it from being closed meanwhile.
     *
     * @throws IllegalStateException once the owner is closed
     */
    default int fd() {
        throw unsupported("fd");
    }

    /**
     * Runs {@code use} with the map's file descriptor, which stays this map's until {@code use}
     * returns (a close waits for it) — e.g. to store the map in a map of maps.
     *
     * {@code use} should make system calls, not wait for other threads, and must not close the
     * owner: the close would wait for {@code use} to return.
     *
     * @throws IllegalStateException once the owner is closed
     */
    default void useFd(IntConsumer use) {
        use.accept(fd());
    }

    /** The kernel's id of the map (as {@code bpftool map list} shows), for {@link KernelBackend#openMapById}. */
    default int id() {
        throw unsupported("id");
    }

    /**
     * Copies the value for {@code key} into {@code value} and deletes the element, atomically; for a
     * queue or stack ({@code key} null) this pops. False when there is none (ENOENT).
     */
    default boolean lookupAndDelete(ByteBuffer key, ByteBuffer value) {
        throw unsupported("lookupAndDelete");
    }

    /**
     * Copies up to {@code count} elements into {@code keys} and {@code values}, buffers of exactly
     * {@code count} packed elements (element {@code i} at {@code i * keySize()} and
     * {@code i * valueBufferSize()}; {@code count} must be positive), continuing after
     * {@code inCursor} ({@code null} to start at the beginning) and writing where to continue into
     * {@code outCursor} — {@code inCursor} and {@code outCursor} may be the same buffer. Cursors are
     * opaque, {@link #batchCursorSize()} bytes.
     *
     * <p>Hash maps are walked bucket by bucket, so elements deleted meanwhile never make the walk
     * start over. A bucket holding more than {@code count} elements fails with ENOSPC and nothing
     * copied: retry with a larger {@code count}.
     */
    default BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys, ByteBuffer values,
            int count) {
        throw unsupported("lookupBatch");
    }

    /** {@link #lookupBatch} that also deletes every element it returns. */
    default BatchResult lookupAndDeleteBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        throw unsupported("lookupAndDeleteBatch");
    }

    /**
     * Writes {@code count} packed elements in order, each as {@code update} would with {@code flags}.
     * On failure the exception is thrown; the elements before the failing one stay written.
     */
    default BatchResult updateBatch(ByteBuffer keys, ByteBuffer values, int count, long flags) {
        throw unsupported("updateBatch");
    }

    /**
     * Deletes {@code count} packed keys in order. A missing key fails the batch with ENOENT; the
     * keys before it stay deleted.
     */
    default BatchResult deleteBatch(ByteBuffer keys, int count) {
        throw unsupported("deleteBatch");
    }

    /** The size of the opaque cursor of {@link #lookupBatch}. */
    default int batchCursorSize() {
        // The kernel keeps a u32 bucket index for hash maps and the previous key for other maps.
        return Math.max(8, keySize());
    }

    /** Makes the map read-only for user space ({@code BPF_MAP_FREEZE}); programs can still write it. */
    default void freeze() {
        throw unsupported("freeze");
    }

    /**
     * Pins the map at {@code path}, which must be on a bpffs mount such as {@code /sys/fs/bpf}.
     *
     * @throws IllegalArgumentException when {@code path} is empty or contains a NUL character
     */
    default void pin(String path) {
        throw unsupported("pin");
    }

    /**
     * Stores the cgroup whose cgroup-v2 directory is {@code cgroupDirectory} at {@code index} of a
     * cgroup array (the backend opens the directory for the update and closes it again).
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}, or the
     *     directory is empty or contains a NUL character
     */
    default void setCgroup(int index, String cgroupDirectory) {
        throw unsupported("setCgroup");
    }

    private UnsupportedFeatureException unsupported(String operation) {
        return Unsupported.byBackend(this, operation + " on map '" + name() + "'");
    }
}
