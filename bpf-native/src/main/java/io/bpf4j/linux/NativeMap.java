package io.bpf4j.linux;

import io.bpf4j.Errno;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A map of a loaded object, operated on through {@link BpfSyscall}. The fd belongs to the object;
 * operations after the object is closed throw {@link IllegalStateException}.
 *
 * <p>Per-CPU maps exchange one value slot per possible CPU, each rounded up to 8 bytes, as the
 * kernel does: their value buffers must hold {@code roundUp8(valueSize()) * possibleCpus} bytes.
 */
final class NativeMap implements MapHandle {
    private static final long BPF_NOEXIST = 1;
    private static final long BPF_EXIST = 2;

    // Kernel map type ids (enum bpf_map_type) whose values are per CPU, or whose elements cannot be deleted.
    private static final int ARRAY = 2;
    private static final int PERCPU_HASH = 5;
    private static final int PERCPU_ARRAY = 6;
    private static final int LRU_PERCPU_HASH = 10;
    private static final int PERCPU_CGROUP_STORAGE = 21;

    private final NativeLoadedObject owner;
    private final String name;
    private final int typeId;
    private final int fd;
    private final int keySize;
    private final int valueSize;
    private final int maxEntries;
    private final int kernelValueSize;

    NativeMap(NativeLoadedObject owner, String name, int typeId, int fd, int keySize, int valueSize, int maxEntries,
            int possibleCpus) {
        this.owner = owner;
        this.name = name;
        this.typeId = typeId;
        this.fd = fd;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.maxEntries = maxEntries;
        this.kernelValueSize = perCpu(typeId) ? ((valueSize + 7) & ~7) * possibleCpus : valueSize;
    }

    private static boolean perCpu(int typeId) {
        return typeId == PERCPU_HASH || typeId == PERCPU_ARRAY || typeId == LRU_PERCPU_HASH
                || typeId == PERCPU_CGROUP_STORAGE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MapType type() {
        return MapType.of(typeId);
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
    public int maxEntries() {
        return maxEntries;
    }

    /** The kernel's {@code enum bpf_map_type} value. */
    int typeId() {
        return typeId;
    }

    /** The map's fd, owned by its object. */
    int fd() {
        return fd;
    }

    @Override
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        checkKey(key);
        checkValue(value);
        owner.ensureOpen();
        int errno = BpfSyscall.lookup(fd, key, keySize, value, kernelValueSize);
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_LOOKUP_ELEM", null);
        return true;
    }

    @Override
    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        checkKey(key);
        checkValue(value);
        owner.ensureOpen();
        int errno = BpfSyscall.update(fd, key, keySize, value, kernelValueSize, flags);
        check(errno, "BPF_MAP_UPDATE_ELEM", updateDetail(errno, flags));
    }

    private String updateDetail(int errno, long flags) {
        if (errno == Errno.E2BIG) {
            return "the map is full: max_entries " + maxEntries;
        }
        if (errno == Errno.EEXIST && flags == BPF_NOEXIST) {
            return "the key exists and BPF_NOEXIST was given";
        }
        if (errno == Errno.ENOENT && flags == BPF_EXIST) {
            return "the key does not exist and BPF_EXIST was given";
        }
        return null;
    }

    @Override
    public boolean delete(ByteBuffer key) {
        checkKey(key);
        owner.ensureOpen();
        int errno = BpfSyscall.delete(fd, key, keySize);
        if (errno == Errno.ENOENT) {
            return false;
        }
        boolean array = typeId == ARRAY || typeId == PERCPU_ARRAY;
        check(errno, "BPF_MAP_DELETE_ELEM", errno == Errno.EINVAL && array ? "array elements cannot be deleted" : null);
        return true;
    }

    @Override
    public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        if (key != null) {
            checkKey(key);
        }
        checkKey(nextKey);
        owner.ensureOpen();
        int errno = BpfSyscall.nextKey(fd, key, nextKey, keySize);
        if (errno == Errno.ENOENT) {
            return false;
        }
        check(errno, "BPF_MAP_GET_NEXT_KEY", null);
        return true;
    }

    private void check(int errno, String command, String detail) {
        if (errno != 0) {
            throw KernelErrors.failure("bpf(" + command + ") on map '" + name + "'", errno, detail);
        }
    }

    private void checkKey(ByteBuffer key) {
        checkSize(Objects.requireNonNull(key, "key"), keySize, "key");
    }

    private void checkValue(ByteBuffer value) {
        checkSize(Objects.requireNonNull(value, "value"), kernelValueSize, "value");
    }

    private void checkSize(ByteBuffer buffer, int size, String what) {
        if (buffer.limit() < size) {
            throw new IllegalArgumentException("map '" + name + "' needs a " + what + " buffer of " + size
                    + " bytes, got " + buffer.limit());
        }
    }
}
