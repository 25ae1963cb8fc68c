package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Map operations through the raw {@code bpf(2)} system call: the hot path, so it allocates nothing
 * per element. Each thread owns a native scratch area holding the {@code union bpf_attr}, then the
 * key (or path, or cursor), then the value (or batch arrays); callers' buffers (heap or direct, any
 * position) are copied in and out of it. The area grows to the largest request a thread made.
 *
 * <p>Methods return 0 on success or the positive errno (fd-returning ones: the fd, or minus the
 * errno); {@link NativeMap} gives errnos meaning. A {@code null} key passes a NULL pointer, as
 * queues, stacks and bloom filters expect.
 */
final class BpfSyscall {
    static final int BPF_MAP_LOOKUP_ELEM = 1;
    static final int BPF_MAP_UPDATE_ELEM = 2;
    static final int BPF_MAP_DELETE_ELEM = 3;
    static final int BPF_MAP_GET_NEXT_KEY = 4;
    static final int BPF_OBJ_PIN = 6;
    static final int BPF_OBJ_GET = 7;
    static final int BPF_MAP_GET_FD_BY_ID = 14;
    static final int BPF_OBJ_GET_INFO_BY_FD = 15;
    static final int BPF_MAP_LOOKUP_AND_DELETE_ELEM = 21;
    static final int BPF_MAP_FREEZE = 22;
    static final int BPF_MAP_LOOKUP_BATCH = 24;
    static final int BPF_MAP_LOOKUP_AND_DELETE_BATCH = 25;
    static final int BPF_MAP_UPDATE_BATCH = 26;
    static final int BPF_MAP_DELETE_BATCH = 27;

    /** Room for the largest attr used here (the batch struct, 56 bytes); the rest of the area follows. */
    private static final int ATTR_AREA = 64;

    /** Map-element attr: {@code u32 map_fd; u32 pad; u64 key; u64 value (or next_key); u64 flags}. */
    private static final int ELEM_ATTR_SIZE = 32;
    private static final int ELEM_MAP_FD = 0;
    private static final int ELEM_KEY = 8;
    private static final int ELEM_VALUE = 16;
    private static final int ELEM_FLAGS = 24;

    /**
     * Batch attr: {@code u64 in_batch; u64 out_batch; u64 keys; u64 values; u32 count; u32 map_fd;
     * u64 elem_flags; u64 flags}.
     */
    private static final int BATCH_ATTR_SIZE = 56;
    private static final int BATCH_IN = 0;
    private static final int BATCH_OUT = 8;
    private static final int BATCH_KEYS = 16;
    private static final int BATCH_VALUES = 24;
    private static final int BATCH_COUNT = 32;
    private static final int BATCH_MAP_FD = 36;
    private static final int BATCH_ELEM_FLAGS = 40;
    private static final int BATCH_FLAGS = 48;

    /** {@code BPF_OBJ_PIN/GET} attr: {@code u64 pathname; u32 bpf_fd; u32 file_flags}. */
    private static final int OBJ_ATTR_SIZE = 16;
    private static final int OBJ_PATH = 0;
    private static final int OBJ_FD = 8;

    /** {@code BPF_*_GET_FD_BY_ID} attr: {@code u32 id; u32 next_id; u32 open_flags}. */
    private static final int BY_ID_ATTR_SIZE = 12;

    /** {@code BPF_OBJ_GET_INFO_BY_FD} attr: {@code u32 bpf_fd; u32 info_len; u64 info}. */
    private static final int INFO_ATTR_SIZE = 16;

    private static final int ENOENT = 2;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private BpfSyscall() {}

    /** Copies the value of {@code key} into {@code value} (the first {@code valueSize} bytes). */
    static int lookup(int mapFd, ByteBuffer key, int keySize, ByteBuffer value, int valueSize) {
        return elementOut(BPF_MAP_LOOKUP_ELEM, mapFd, key, keySize, value, valueSize);
    }

    /** Like {@link #lookup}, then deletes the element; a null key pops a queue or stack. */
    static int lookupAndDelete(int mapFd, ByteBuffer key, int keySize, ByteBuffer value, int valueSize) {
        return elementOut(BPF_MAP_LOOKUP_AND_DELETE_ELEM, mapFd, key, keySize, value, valueSize);
    }

    private static int elementOut(int command, int mapFd, ByteBuffer key, int keySize, ByteBuffer value,
            int valueSize) {
        Scratch s = SCRATCH.get().reserve(keySize, valueSize);
        int errno = s.elementCall(command, mapFd, s.putKey(key, keySize), s.valueAddress(), 0);
        if (errno == 0) {
            value.put(0, s.view, s.valueOffset, valueSize);
        }
        return errno;
    }

    /**
     * A lookup whose value is an input: a bloom filter answers 0 when {@code value} may be present
     * and ENOENT when it is not.
     */
    static int lookupGivenValue(int mapFd, ByteBuffer value, int valueSize) {
        Scratch s = SCRATCH.get().reserve(0, valueSize);
        s.view.put(s.valueOffset, value, 0, valueSize);
        return s.elementCall(BPF_MAP_LOOKUP_ELEM, mapFd, 0, s.valueAddress(), 0);
    }

    /** Creates or replaces the element {@code key} with {@code value}, subject to {@code flags}. */
    static int update(int mapFd, ByteBuffer key, int keySize, ByteBuffer value, int valueSize, long flags) {
        Scratch s = SCRATCH.get().reserve(keySize, valueSize);
        long keyAddress = s.putKey(key, keySize);
        s.view.put(s.valueOffset, value, 0, valueSize);
        return s.elementCall(BPF_MAP_UPDATE_ELEM, mapFd, keyAddress, s.valueAddress(), flags);
    }

    /** Deletes the element {@code key}. */
    static int delete(int mapFd, ByteBuffer key, int keySize) {
        Scratch s = SCRATCH.get().reserve(keySize, 0);
        return s.elementCall(BPF_MAP_DELETE_ELEM, mapFd, s.putKey(key, keySize), 0, 0);
    }

    /** Writes the key after {@code key} (the first key when {@code key} is null) into {@code nextKey}. */
    static int nextKey(int mapFd, ByteBuffer key, ByteBuffer nextKey, int keySize) {
        // The next key goes where a value would: the area after the key.
        Scratch s = SCRATCH.get().reserve(keySize, keySize);
        int errno = s.elementCall(BPF_MAP_GET_NEXT_KEY, mapFd, s.putKey(key, keySize), s.valueAddress(), 0);
        if (errno == 0) {
            nextKey.put(0, s.view, s.valueOffset, keySize);
        }
        return errno;
    }

    /** Makes the map read-only for user space. */
    static int freeze(int mapFd) {
        Scratch s = SCRATCH.get().reserve(0, 0);
        return s.elementCall(BPF_MAP_FREEZE, mapFd, 0, 0, 0);
    }

    /** Pins the object {@code fd} at {@code path} on a bpffs mount. */
    static int pin(int fd, String path) {
        Scratch s = SCRATCH.get();
        long pathAddress = s.putPath(path);
        s.clearAttr();
        s.view.putLong(OBJ_PATH, pathAddress);
        s.view.putInt(OBJ_FD, fd);
        long result = s.call(BPF_OBJ_PIN, OBJ_ATTR_SIZE);
        return result < 0 ? (int) -result : 0;
    }

    /** Opens the object pinned at {@code path}: its new fd, or minus the errno. */
    static int objGet(String path) {
        Scratch s = SCRATCH.get();
        long pathAddress = s.putPath(path);
        s.clearAttr();
        s.view.putLong(OBJ_PATH, pathAddress);
        return (int) s.call(BPF_OBJ_GET, OBJ_ATTR_SIZE);
    }

    /** Opens the map with kernel id {@code id}: its new fd, or minus the errno. */
    static int mapFdById(int id) {
        Scratch s = SCRATCH.get();
        s.clearAttr();
        s.view.putInt(0, id);
        return (int) s.call(BPF_MAP_GET_FD_BY_ID, BY_ID_ATTR_SIZE);
    }

    /** Copies the first {@code info.limit()} bytes of the kernel's {@code struct bpf_map_info} for {@code fd}. */
    static int objectInfo(int fd, ByteBuffer info) {
        Scratch s = SCRATCH.get().reserve(0, info.limit());
        // The kernel fills only what it knows; zero the rest so that old kernels read as zeros.
        for (int i = 0; i < info.limit(); i++) {
            s.view.put(s.valueOffset + i, (byte) 0);
        }
        s.clearAttr();
        s.view.putInt(0, fd);
        s.view.putInt(4, info.limit());
        s.view.putLong(8, s.valueAddress());
        long result = s.call(BPF_OBJ_GET_INFO_BY_FD, INFO_ATTR_SIZE);
        if (result < 0) {
            return (int) -result;
        }
        info.put(0, s.view, s.valueOffset, info.limit());
        return 0;
    }

    /**
     * One {@code BPF_MAP_*_BATCH} call. Keys and values travel packed; which of them are read or
     * written depends on {@code command}. The cursor is {@code cursorSize} bytes.
     *
     * @param inCursor where to continue (lookups only), or null to start at the beginning
     * @param outCursor receives where to continue (lookups only)
     * @param values null for deletes
     */
    static BatchCall batch(int command, int mapFd, ByteBuffer inCursor, ByteBuffer outCursor, int cursorSize,
            ByteBuffer keys, int keySize, ByteBuffer values, int valueSize, int count, long elemFlags) {
        boolean lookup = command == BPF_MAP_LOOKUP_BATCH || command == BPF_MAP_LOOKUP_AND_DELETE_BATCH;
        int keyBytes = Math.multiplyExact(keySize, count);
        int valueBytes = values == null ? 0 : Math.multiplyExact(valueSize, count);
        // Layout after the attr: cursor, keys, values (each 8-byte aligned).
        int keysOffset = align8(cursorSize);
        Scratch s = SCRATCH.get().reserve((long) keysOffset + keyBytes, valueBytes);
        long cursorAddress = s.keyAddress();
        long keysAddress = cursorAddress + keysOffset;
        if (inCursor != null) {
            s.view.put(Scratch.KEY_OFFSET, inCursor, 0, cursorSize);
        }
        if (!lookup) {
            s.view.put(Scratch.KEY_OFFSET + keysOffset, keys, 0, keyBytes);
            if (values != null) {
                s.view.put(s.valueOffset, values, 0, valueBytes);
            }
        }
        s.clearAttr();
        s.view.putLong(BATCH_IN, lookup && inCursor != null ? cursorAddress : 0);
        s.view.putLong(BATCH_OUT, lookup ? cursorAddress : 0);
        s.view.putLong(BATCH_KEYS, keysAddress);
        s.view.putLong(BATCH_VALUES, values == null ? 0 : s.valueAddress());
        s.view.putInt(BATCH_COUNT, count);
        s.view.putInt(BATCH_MAP_FD, mapFd);
        s.view.putLong(BATCH_ELEM_FLAGS, elemFlags);
        s.view.putLong(BATCH_FLAGS, 0);
        long result = s.call(command, BATCH_ATTR_SIZE);
        int errno = result < 0 ? (int) -result : 0;
        int done = s.view.getInt(BATCH_COUNT);
        // ENOENT ends a lookup walk but still delivers the last elements; other errors deliver nothing.
        if (lookup && (errno == 0 || errno == ENOENT)) {
            outCursor.put(0, s.view, Scratch.KEY_OFFSET, cursorSize);
            keys.put(0, s.view, Scratch.KEY_OFFSET + keysOffset, keySize * done);
            values.put(0, s.view, s.valueOffset, valueSize * done);
        }
        return new BatchCall(errno, done);
    }

    /** What a batch call answered: 0 or the errno, and how many elements it processed. */
    record BatchCall(int errno, int count) {}

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    /** One thread's attr, key and value area; grows (reallocating) only when a larger request comes along. */
    private static final class Scratch {
        static final int KEY_OFFSET = ATTR_AREA;
        private static final int INITIAL_SIZE = 512;

        Memory memory;
        ByteBuffer view;
        long address;
        int valueOffset;

        Scratch() {
            allocate(INITIAL_SIZE);
        }

        /**
         * Makes room for {@code keySize} then {@code valueSize} bytes after the attr. The kernel
         * writes into this area through raw addresses, unchecked: it must really be as large.
         *
         * @throws IllegalArgumentException when the request is more than one area can hold
         */
        Scratch reserve(long keySize, long valueSize) {
            // 8-byte alignment keeps the value where the kernel copies u64 words quickly.
            long offset = KEY_OFFSET + ((keySize + 7) & ~7L);
            long needed = offset + valueSize;
            if (keySize < 0 || valueSize < 0 || needed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a bpf() request of " + keySize + " + " + valueSize
                        + " bytes is more than one call can carry (" + Integer.MAX_VALUE + " bytes)");
            }
            if (needed > memory.size()) {
                allocate((int) Math.min(Integer.MAX_VALUE, Math.max(needed, 2 * memory.size())));
            }
            valueOffset = (int) offset;
            return this;
        }

        private void allocate(int size) {
            Memory previous = memory;
            memory = new Memory(size);
            view = memory.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
            address = Pointer.nativeValue(memory);
            if (previous != null) {
                previous.close();
            }
        }

        /** Copies the key in and returns its address, or 0 for a null key. */
        long putKey(ByteBuffer key, int keySize) {
            if (key == null) {
                return 0;
            }
            view.put(KEY_OFFSET, key, 0, keySize);
            return keyAddress();
        }

        /** Copies {@code path} in as a NUL-terminated C string and returns its address. */
        long putPath(String path) {
            byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
            reserve(bytes.length + 1, 0);
            view.put(KEY_OFFSET, bytes);
            view.put(KEY_OFFSET + bytes.length, (byte) 0);
            return keyAddress();
        }

        long keyAddress() {
            return address + KEY_OFFSET;
        }

        long valueAddress() {
            return address + valueOffset;
        }

        void clearAttr() {
            for (int i = 0; i < ATTR_AREA; i += 8) {
                view.putLong(i, 0);
            }
        }

        int elementCall(int command, int mapFd, long keyAddress, long valueAddress, long flags) {
            view.putInt(ELEM_MAP_FD, mapFd);
            view.putInt(ELEM_MAP_FD + 4, 0);
            view.putLong(ELEM_KEY, keyAddress);
            view.putLong(ELEM_VALUE, valueAddress);
            view.putLong(ELEM_FLAGS, flags);
            long result = call(command, ELEM_ATTR_SIZE);
            return result < 0 ? (int) -result : 0;
        }

        /** The syscall's result, or minus the errno. */
        long call(int command, int attrSize) {
            long result = LibC.syscall(LibC.SYS_BPF, command, address, attrSize);
            return result < 0 ? -Native.getLastError() : result;
        }
    }
}
