package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.MapBuffers;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A map of the fake kernel, with the kernel's rules for its type (see {@link FakeBackend}). Buffers
 * follow the {@link MapHandle} contract, checked by the same {@link MapBuffers} rules as the real
 * kernel's backend, so a call the real backend refuses is refused here too; per-CPU maps exchange
 * one slot per CPU, each rounded up to 8 bytes, as the kernel does. Keyless maps (queue, stack,
 * bloom filter) take a null key.
 */
final class FakeMap implements MapHandle {
    private final String name;
    private final MapType type;
    private final int keySize;
    private final int valueSize;
    private final long maxEntries;
    private final int cpus;
    private final ElementStore store;
    private final FakeBackend kernel;
    private final FakeObject owner;
    private final int fd;
    private final int id;
    private final MapBatches batches;
    private boolean frozen;

    FakeMap(String name, MapType type, int keySize, int valueSize, long maxEntries, int cpus, ElementStore store,
            FakeBackend kernel, FakeObject owner, boolean frozen) {
        this.name = name;
        this.type = type;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.maxEntries = maxEntries;
        this.cpus = cpus;
        this.store = store;
        this.kernel = kernel;
        this.owner = owner;
        this.fd = kernel.fds().newFd(this);
        this.id = kernel.fds().newId();
        kernel.fds().registerId(this);
        this.frozen = frozen;
        this.batches = new MapBatches(store, keySize, valueBufferSize());
    }

    /** True for the map types whose values have one slot per CPU. */
    static boolean perCpu(MapType type) {
        return type == MapType.PERCPU_ARRAY || type == MapType.PERCPU_HASH || type == MapType.LRU_PERCPU_HASH
                || type == MapType.PERCPU_CGROUP_STORAGE;
    }

    @Override
    public String name() {
        return name;
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
    public long maxEntries() {
        return maxEntries;
    }

    /** The map's (fake) file descriptor, valid while its object is open. */
    @Override
    public int fd() {
        owner.ensureOpen("reading the fd of map '" + name + "'");
        return fd;
    }

    /** The fd whether open or not, for the fake kernel's own bookkeeping. */
    int kernelFd() {
        return fd;
    }

    /** The map's id, which maps of maps hold. */
    @Override
    public int id() {
        return id;
    }

    /** The number of CPU slots in a per-CPU value. */
    public int possibleCpus() {
        return cpus;
    }

    /** The number of elements present (for arrays: max_entries). */
    public synchronized int count() {
        return store.count();
    }

    /** The bytes one value occupies in a buffer: for per-CPU maps every CPU's 8-byte-rounded slot. */
    @Override
    public int valueBufferSize() {
        return valueBufferSize(type, valueSize, cpus);
    }

    /** One value's bytes in a buffer: per-CPU maps hold every CPU's value, each rounded up to 8 bytes. */
    static int valueBufferSize(MapType type, int valueSize, int cpus) {
        return perCpu(type) ? ((valueSize + 7) & ~7) * cpus : valueSize;
    }

    @Override
    public synchronized boolean lookup(ByteBuffer key, ByteBuffer value) {
        MapBuffers.key(this, "lookup", key);
        // A bloom filter's lookup reads the value it asks about; every other lookup writes it.
        if (store instanceof BloomFilterStore) {
            MapBuffers.valueIn(this, "lookup", value);
        } else {
            MapBuffers.valueOut(this, "lookup", value);
        }
        String operation = operation("BPF_MAP_LOOKUP_ELEM");
        Bytes k = key(key);
        kernel.faults().check(FaultPoint.MAP_LOOKUP, name, operation);
        try {
            if (store instanceof BloomFilterStore bloom) {
                return bloom.mayContain(Bytes.copyOf(value, valueSize)); // the value is the query
            }
            Optional<Bytes> found = store.lookup(k);
            found.ifPresent(v -> v.copyTo(value));
            return found.isPresent();
        } catch (ElementError e) {
            throw failure(operation, e);
        }
    }

    @Override
    public synchronized void update(ByteBuffer key, ByteBuffer value, long flags) {
        MapBuffers.key(this, "update", key);
        MapBuffers.valueIn(this, "update", value);
        String operation = operation("BPF_MAP_UPDATE_ELEM");
        Bytes k = key(key);
        kernel.faults().check(FaultPoint.MAP_UPDATE, name, operation);
        checkWritable(operation);
        try {
            store.update(k, storedValue(Bytes.copyOf(value, valueBufferSize()), operation), flags);
        } catch (ElementError e) {
            throw failure(operation, e);
        }
    }

    /** Maps of maps and program arrays are given fds and hold ids, as in the kernel. */
    private Bytes storedValue(Bytes value, String operation) {
        boolean ofMaps = type == MapType.ARRAY_OF_MAPS || type == MapType.HASH_OF_MAPS;
        if (!ofMaps && type != MapType.PROG_ARRAY) {
            return value;
        }
        int referenced = ByteBuffer.wrap(value.toArray()).order(ByteOrder.nativeOrder()).getInt(0);
        Optional<Integer> refId = ofMaps
                ? kernel.fds().lookup(referenced, FakeMap.class).map(FakeMap::id)
                : kernel.fds().lookup(referenced, FakeProgram.class).map(FakeProgram::id);
        if (refId.isEmpty()) {
            throw new BpfException(operation, Errno.EBADF,
                    "fd " + referenced + " is not a " + (ofMaps ? "map" : "program"));
        }
        byte[] id = new byte[4];
        ByteBuffer.wrap(id).order(ByteOrder.nativeOrder()).putInt(0, refId.get());
        return Bytes.of(id);
    }

    @Override
    public synchronized boolean delete(ByteBuffer key) {
        MapBuffers.key(this, "delete", key);
        String operation = operation("BPF_MAP_DELETE_ELEM");
        Bytes k = key(key);
        kernel.faults().check(FaultPoint.MAP_DELETE, name, operation);
        checkWritable(operation);
        try {
            store.delete(k);
            return true;
        } catch (ElementError e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw failure(operation, e);
        }
    }

    @Override
    public synchronized boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        MapBuffers.startKey(this, "nextKey", key);
        MapBuffers.keyOut(this, "nextKey", "nextKey", nextKey);
        String operation = operation("BPF_MAP_GET_NEXT_KEY");
        Bytes k = key == null ? null : key(key);
        kernel.faults().check(FaultPoint.MAP_NEXT_KEY, name, operation);
        try {
            Optional<Bytes> next = store.nextKey(k);
            next.ifPresent(n -> n.copyTo(nextKey));
            return next.isPresent();
        } catch (ElementError e) {
            throw failure(operation, e);
        }
    }

    /**
     * Copies the value for {@code key} into {@code value} and deletes the element (for queues and
     * stacks: pops, with a null key); false when there is none.
     */
    @Override
    public synchronized boolean lookupAndDelete(ByteBuffer key, ByteBuffer value) {
        MapBuffers.key(this, "lookupAndDelete", key);
        MapBuffers.valueOut(this, "lookupAndDelete", value);
        String operation = operation("BPF_MAP_LOOKUP_AND_DELETE_ELEM");
        Bytes k = key(key);
        kernel.faults().check(FaultPoint.MAP_LOOKUP_AND_DELETE, name, operation);
        checkWritable(operation);
        try {
            Optional<Bytes> found = store.lookupAndDelete(k);
            found.ifPresent(v -> v.copyTo(value));
            return found.isPresent();
        } catch (ElementError e) {
            throw failure(operation, e);
        }
    }

    /**
     * Makes the map read-only for user space, as {@code BPF_MAP_FREEZE} does: later updates and
     * deletes fail with EPERM. Freezing again is EPERM too: the kernel checks write permission
     * first, and a frozen map has none.
     */
    @Override
    public synchronized void freeze() {
        String operation = operation("BPF_MAP_FREEZE");
        if (frozen) {
            throw new BpfException(operation, Errno.EPERM, "the map is already frozen");
        }
        frozen = true;
    }

    private void checkWritable(String operation) {
        if (frozen) {
            throw new BpfException(operation, Errno.EPERM, "the map is frozen: read-only for user space");
        }
    }

    @Override
    public synchronized BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        MapBuffers.lookupBatch(this, "lookupBatch", inCursor, outCursor, keys, values, count);
        return batches.lookup(operation("BPF_MAP_LOOKUP_BATCH"), inCursor, outCursor, keys, values, count, false);
    }

    @Override
    public synchronized BatchResult lookupAndDeleteBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        MapBuffers.lookupBatch(this, "lookupAndDeleteBatch", inCursor, outCursor, keys, values, count);
        String operation = operation("BPF_MAP_LOOKUP_AND_DELETE_BATCH");
        checkWritable(operation);
        return batches.lookup(operation, inCursor, outCursor, keys, values, count, true);
    }

    @Override
    public synchronized BatchResult updateBatch(ByteBuffer keys, ByteBuffer values, int count, long flags) {
        MapBuffers.updateBatch(this, "updateBatch", keys, values, count);
        String operation = operation("BPF_MAP_UPDATE_BATCH");
        checkWritable(operation);
        return batches.update(operation, keys, values, count, flags, this::storedValue);
    }

    @Override
    public synchronized BatchResult deleteBatch(ByteBuffer keys, int count) {
        MapBuffers.deleteBatch(this, "deleteBatch", keys, count);
        String operation = operation("BPF_MAP_DELETE_BATCH");
        checkWritable(operation);
        return batches.delete(operation, keys, count);
    }

    /** The keys of an LRU map, least recently used first: the order in which they would be evicted. */
    public synchronized java.util.List<byte[]> keysByRecency() {
        if (!(store instanceof HashStore hash)) {
            throw new IllegalStateException("map '" + name + "' is a " + type + " map, not a hash map");
        }
        return hash.keysByRecency().stream().map(Bytes::toArray).toList();
    }

    private String operation(String command) {
        String operation = "bpf(" + command + ") on map '" + name + "'";
        owner.ensureOpen(operation);
        return operation;
    }

    /** The key's bytes; {@link MapBuffers#key} has checked it. */
    private Bytes key(ByteBuffer key) {
        return keySize == 0 ? Bytes.EMPTY : Bytes.copyOf(key, keySize);
    }

    static BpfException failure(String operation, ElementError e) {
        return new BpfException(operation, e.errno(), e.getMessage());
    }

    @Override
    public String toString() {
        return "FakeMap[" + name + ", " + type + ", max_entries=" + maxEntries + "]";
    }
}
