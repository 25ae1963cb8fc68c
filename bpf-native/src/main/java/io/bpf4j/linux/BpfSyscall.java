package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Map operations through the raw {@code bpf(2)} system call: the hot path, so it allocates nothing
 * per call. Each thread owns a native scratch area holding the {@code union bpf_attr}, the key and
 * the value; callers' buffers (heap or direct, any position) are copied in and out of it.
 *
 * <p>Methods return 0 on success or the positive errno; {@link NativeMap} gives errnos meaning.
 */
final class BpfSyscall {
    static final int BPF_MAP_LOOKUP_ELEM = 1;
    static final int BPF_MAP_UPDATE_ELEM = 2;
    static final int BPF_MAP_DELETE_ELEM = 3;
    static final int BPF_MAP_GET_NEXT_KEY = 4;

    /**
     * The map-element part of {@code union bpf_attr}: {@code u32 map_fd; u32 pad; u64 key;
     * u64 value (or next_key); u64 flags}. The kernel accepts a shorter attr than it knows.
     */
    private static final int ATTR_SIZE = 32;
    private static final int ATTR_MAP_FD = 0;
    private static final int ATTR_KEY = 8;
    private static final int ATTR_VALUE = 16;
    private static final int ATTR_FLAGS = 24;
    private static final int KEY_OFFSET = ATTR_SIZE;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private BpfSyscall() {}

    /** Copies the value of {@code key} into {@code value} (the first {@code valueSize} bytes). */
    static int lookup(int mapFd, ByteBuffer key, int keySize, ByteBuffer value, int valueSize) {
        Scratch s = SCRATCH.get().reserve(keySize, valueSize);
        s.putKey(key, keySize);
        int errno = s.call(BPF_MAP_LOOKUP_ELEM, mapFd, s.keyAddress(), s.valueAddress(), 0);
        if (errno == 0) {
            value.put(0, s.view, s.valueOffset, valueSize);
        }
        return errno;
    }

    /** Creates or replaces the element {@code key} with {@code value}, subject to {@code flags}. */
    static int update(int mapFd, ByteBuffer key, int keySize, ByteBuffer value, int valueSize, long flags) {
        Scratch s = SCRATCH.get().reserve(keySize, valueSize);
        s.putKey(key, keySize);
        s.view.put(s.valueOffset, value, 0, valueSize);
        return s.call(BPF_MAP_UPDATE_ELEM, mapFd, s.keyAddress(), s.valueAddress(), flags);
    }

    /** Deletes the element {@code key}. */
    static int delete(int mapFd, ByteBuffer key, int keySize) {
        Scratch s = SCRATCH.get().reserve(keySize, 0);
        s.putKey(key, keySize);
        return s.call(BPF_MAP_DELETE_ELEM, mapFd, s.keyAddress(), 0, 0);
    }

    /** Writes the key after {@code key} (the first key when {@code key} is null) into {@code nextKey}. */
    static int nextKey(int mapFd, ByteBuffer key, ByteBuffer nextKey, int keySize) {
        // The next key goes where a value would: the area after the key.
        Scratch s = SCRATCH.get().reserve(keySize, keySize);
        long keyAddress = 0;
        if (key != null) {
            s.putKey(key, keySize);
            keyAddress = s.keyAddress();
        }
        int errno = s.call(BPF_MAP_GET_NEXT_KEY, mapFd, keyAddress, s.valueAddress(), 0);
        if (errno == 0) {
            nextKey.put(0, s.view, s.valueOffset, keySize);
        }
        return errno;
    }

    /** One thread's attr, key and value area; grows (reallocating) only when a larger map comes along. */
    private static final class Scratch {
        private static final int INITIAL_SIZE = 512;

        Memory memory;
        ByteBuffer view;
        long address;
        int valueOffset;

        Scratch() {
            allocate(INITIAL_SIZE);
        }

        Scratch reserve(int keySize, int valueSize) {
            // 8-byte alignment keeps the value where the kernel copies u64 words quickly.
            valueOffset = KEY_OFFSET + align8(keySize);
            long needed = (long) valueOffset + valueSize;
            if (needed > memory.size()) {
                allocate(Math.toIntExact(Math.max(needed, 2 * memory.size())));
            }
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

        void putKey(ByteBuffer key, int keySize) {
            view.put(KEY_OFFSET, key, 0, keySize);
        }

        long keyAddress() {
            return address + KEY_OFFSET;
        }

        long valueAddress() {
            return address + valueOffset;
        }

        int call(int command, int mapFd, long keyAddress, long valueAddress, long flags) {
            view.putInt(ATTR_MAP_FD, mapFd);
            view.putInt(ATTR_MAP_FD + 4, 0);
            view.putLong(ATTR_KEY, keyAddress);
            view.putLong(ATTR_VALUE, valueAddress);
            view.putLong(ATTR_FLAGS, flags);
            long result = LibC.syscall(LibC.SYS_BPF, command, address, ATTR_SIZE);
            return result < 0 ? Native.getLastError() : 0;
        }

        private static int align8(int n) {
            return (n + 7) & ~7;
        }
    }
}
