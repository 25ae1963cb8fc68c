package io.bpf4j.linux;

import com.sun.jna.Native;
import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.spec.MapType;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spi.MapBuffers;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntConsumer;

/**
 * A kernel map operated on through {@link BpfSyscall}. Every system call on the fd runs inside a
 * lease of the {@link ResourceGuard} of whoever owns it (a loaded object, or the map itself for
 * {@link OwnedNativeMap}): the owner's close waits for it, so the fd number cannot be closed and
 * reused by another object while the call is on its way, and an operation after close throws
 * {@link IllegalStateException} naming the owner and the operation.
 *
 * <p>Per-CPU maps exchange one value slot per possible CPU, each rounded up to 8 bytes, as the
 * kernel does: their value buffers must hold {@code roundUp8(valueSize()) * possibleCpus} bytes.
 */
class NativeMap implements MapHandle {
    /** The leases of whoever owns the fd. */
    private final ResourceGuard owner;
    private final String name;
    private final int typeId;
    private final int fd;
    private final int keySize;
    private final int valueSize;
    private final long maxEntries;
    private final int kernelValueSize;
    private volatile int id;

    /**
     * @param name the map's name, for messages
     * @param typeId the kernel's {@code enum bpf_map_type}
     * @param maxEntries the kernel's {@code max_entries}, a u32 (callers convert it with
     *     {@link Integer#toUnsignedLong})
     * @param possibleCpus how many value slots per-CPU maps have
     */
    NativeMap(ResourceGuard owner, String name, int typeId, int fd, int keySize, int valueSize, long maxEntries,
            int possibleCpus) {
        this.owner = owner;
        this.name = name;
        this.typeId = typeId;
        this.fd = fd;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.maxEntries = maxEntries;
        this.kernelValueSize = MapKinds.perCpu(typeId) ? ((valueSize + 7) & ~7) * possibleCpus : valueSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MapType type() {
        return MapType.of(typeId);
    }

    /** The fd, for system calls made inside a lease of the owner's guard. */
    int kernelFd() {
        return fd;
    }

    /** The kernel's {@code enum bpf_map_type} value (known to this build of bpf4j or not). */
    int typeId() {
        return typeId;
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

    @Override
    public int valueBufferSize() {
        return kernelValueSize;
    }

    @Override
    public int fd() {
        if (owner.isClosed()) {
            throw owner.closed("reading the fd of map '" + name + "'");
        }
        return fd;
    }

    @Override
    public void useFd(IntConsumer use) {
        owner.acquire("using the fd of map '" + name + "'");
        try {
            use.accept(fd);
        } finally {
            owner.release();
        }
    }

    @Override
    public int id() {
        // Asked lazily: most users never need it, and it costs a syscall.
        if (id == 0) {
            owner.acquire("reading the id of map '" + name + "'");
            try {
                id = MapInfo.of(fd, "map '" + name + "'").id();
            } finally {
                owner.release();
            }
        }
        return id;
    }

    /** Starts a lease for a bpf() command; its message is built only when refused, as map operations are hot. */
    private void lease(String command) {
        if (!owner.tryAcquire()) {
            throw owner.closed(operation(command));
        }
    }

    @Override
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        boolean query = typeId == MapType.BLOOM_FILTER.id();
        checkKey("lookup", key);
        // A bloom filter's lookup reads the value it asks about; every other lookup writes it.
        if (query) {
            checkValueIn("lookup", value);
        } else {
            checkValueOut("lookup", value);
        }
        lease("BPF_MAP_LOOKUP_ELEM");
        int errno;
        try {
            errno = query
                    ? BpfSyscall.lookupGivenValue(fd, value, kernelValueSize)
                    : BpfSyscall.lookup(fd, key, keySize, value, kernelValueSize);
        } finally {
            owner.release();
        }
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_LOOKUP_ELEM", null);
        return true;
    }

    @Override
    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        checkKey("update", key);
        checkValueIn("update", value);
        lease("BPF_MAP_UPDATE_ELEM");
        int errno;
        try {
            errno = BpfSyscall.update(fd, key, keySize, value, kernelValueSize, flags);
        } finally {
            owner.release();
        }
        check(errno, "BPF_MAP_UPDATE_ELEM", MapErrors.update(errno, flags, typeId, maxEntries));
    }

    @Override
    public boolean delete(ByteBuffer key) {
        checkKey("delete", key);
        lease("BPF_MAP_DELETE_ELEM");
        int errno;
        try {
            errno = BpfSyscall.delete(fd, key, keySize);
        } finally {
            owner.release();
        }
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_DELETE_ELEM", MapErrors.delete(errno, typeId));
        return true;
    }

    @Override
    public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        MapBuffers.startKey(this, "nextKey", key);
        MapBuffers.keyOut(this, "nextKey", "nextKey", nextKey);
        lease("BPF_MAP_GET_NEXT_KEY");
        int errno;
        try {
            errno = BpfSyscall.nextKey(fd, key, nextKey, keySize);
        } finally {
            owner.release();
        }
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_GET_NEXT_KEY", null);
        return true;
    }

    @Override
    public boolean lookupAndDelete(ByteBuffer key, ByteBuffer value) {
        checkKey("lookupAndDelete", key);
        checkValueOut("lookupAndDelete", value);
        lease("BPF_MAP_LOOKUP_AND_DELETE_ELEM");
        int errno;
        try {
            errno = BpfSyscall.lookupAndDelete(fd, key, keySize, value, kernelValueSize);
        } finally {
            owner.release();
        }
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_LOOKUP_AND_DELETE_ELEM", null);
        return true;
    }

    @Override
    public BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys, ByteBuffer values,
            int count) {
        MapBuffers.lookupBatch(this, "lookupBatch", inCursor, outCursor, keys, values, count);
        return lookupBatch(BpfSyscall.BPF_MAP_LOOKUP_BATCH, "BPF_MAP_LOOKUP_BATCH", inCursor, outCursor, keys,
                values, count);
    }

    @Override
    public BatchResult lookupAndDeleteBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        MapBuffers.lookupBatch(this, "lookupAndDeleteBatch", inCursor, outCursor, keys, values, count);
        return lookupBatch(BpfSyscall.BPF_MAP_LOOKUP_AND_DELETE_BATCH, "BPF_MAP_LOOKUP_AND_DELETE_BATCH", inCursor,
                outCursor, keys, values, count);
    }

    private BatchResult lookupBatch(int command, String commandName, ByteBuffer inCursor, ByteBuffer outCursor,
            ByteBuffer keys, ByteBuffer values, int count) {
        int cursorSize = batchCursorSize();
        lease(commandName);
        BpfSyscall.BatchCall call;
        try {
            call = BpfSyscall.batch(command, fd, inCursor, outCursor, cursorSize, keys, keySize, values,
                    kernelValueSize, count, 0);
        } finally {
            owner.release();
        }
        if (call.errno() == Errno.ENOENT) {
            return new BatchResult(call.count(), true);
        }
        check(call.errno(), commandName, MapErrors.lookupBatch(call.errno(), count));
        return new BatchResult(call.count(), false);
    }

    @Override
    public BatchResult updateBatch(ByteBuffer keys, ByteBuffer values, int count, long flags) {
        MapBuffers.updateBatch(this, "updateBatch", keys, values, count);
        lease("BPF_MAP_UPDATE_BATCH");
        BpfSyscall.BatchCall call;
        try {
            call = BpfSyscall.batch(BpfSyscall.BPF_MAP_UPDATE_BATCH, fd, null, null, 0, keys, keySize, values,
                    kernelValueSize, count, flags);
        } finally {
            owner.release();
        }
        if (call.errno() != 0) {
            throw KernelErrors.failure(operation("BPF_MAP_UPDATE_BATCH"), call.errno(),
                    MapErrors.updateBatch(call.errno(), flags, typeId, maxEntries, call.count(), count));
        }
        return new BatchResult(call.count(), false);
    }

    @Override
    public BatchResult deleteBatch(ByteBuffer keys, int count) {
        MapBuffers.deleteBatch(this, "deleteBatch", keys, count);
        lease("BPF_MAP_DELETE_BATCH");
        BpfSyscall.BatchCall call;
        try {
            call = BpfSyscall.batch(BpfSyscall.BPF_MAP_DELETE_BATCH, fd, null, null, 0, keys, keySize, null, 0,
                    count, 0);
        } finally {
            owner.release();
        }
        if (call.errno() != 0) {
            throw KernelErrors.failure(operation("BPF_MAP_DELETE_BATCH"), call.errno(),
                    MapErrors.deleteBatch(call.errno(), call.count(), count));
        }
        return new BatchResult(call.count(), false);
    }

    @Override
    public void freeze() {
        lease("BPF_MAP_FREEZE");
        int errno;
        try {
            errno = BpfSyscall.freeze(fd);
        } finally {
            owner.release();
        }
        check(errno, "BPF_MAP_FREEZE", null);
    }

    @Override
    public void pin(String path) {
        MapBuffers.path(this, "pin", "path", path);
        lease("BPF_OBJ_PIN");
        int errno;
        try {
            errno = BpfSyscall.pin(fd, path);
        } finally {
            owner.release();
        }
        if (errno != 0) {
            throw KernelErrors.failure("bpf(BPF_OBJ_PIN) of map '" + name + "' at " + path, errno,
                    BpfFs.pinDetail(errno, path));
        }
    }

    @Override
    public void setCgroup(int index, String cgroupDirectory) {
        if (typeId != MapType.CGROUP_ARRAY.id()) {
            throw new IllegalStateException("map '" + name + "' is a " + type() + " map, not a cgroup array");
        }
        MapBuffers.index(this, "setCgroup", "index", index);
        MapBuffers.path(this, "setCgroup", "cgroupDirectory", cgroupDirectory);
        int cgroupFd = LibC.open(cgroupDirectory, LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (cgroupFd < 0) {
            throw new BpfException("opening cgroup directory " + cgroupDirectory + " for map '" + name + "'",
                    Native.getLastError(), null);
        }
        try {
            // The map takes its own reference to the cgroup: the directory's fd is not needed afterwards.
            update(u32(index), u32(cgroupFd), 0);
        } finally {
            LibC.close(cgroupFd);
        }
    }

    private static ByteBuffer u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, value);
    }

    private String operation(String command) {
        return "bpf(" + command + ") on map '" + name + "'";
    }

    private void check(int errno, String command, String detail) {
        if (errno != 0) {
            throw KernelErrors.failure(operation(command), errno, detail);
        }
    }

    // The argument checks run before the fd is used: a refused call changes nothing (see MapBuffers).
    private void checkKey(String operation, ByteBuffer key) {
        MapBuffers.key(this, operation, key);
    }

    private void checkValueIn(String operation, ByteBuffer value) {
        MapBuffers.valueIn(this, operation, value);
    }

    private void checkValueOut(String operation, ByteBuffer value) {
        MapBuffers.valueOut(this, operation, value);
    }

    @Override
    public String toString() {
        return "map '" + name + "'";
    }
}
