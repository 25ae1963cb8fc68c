package io.bpf4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel says about a map ({@code struct bpf_map_info}): enough to operate on a map that
 * was not loaded from an object here, such as one opened from a pin or by id.
 *
 * @param name the map's name in the kernel (at most 15 characters)
 * @param typeId the kernel's {@code enum bpf_map_type}
 * @param id the kernel's map id
 * @param keySize key size in bytes
 * @param valueSize value size in bytes (per CPU for per-CPU maps)
 * @param maxEntries capacity: the kernel's u32, never negative
 * @param flags {@code map_flags}
 */
record MapInfo(String name, int typeId, int id, int keySize, int valueSize, long maxEntries, int flags) {
    /** {@code type, id, key_size, value_size, max_entries, map_flags, char name[16]}: the prefix read here. */
    static final int PREFIX_SIZE = 40;
    private static final int NAME_OFFSET = 24;
    private static final int NAME_LENGTH = 16;

    /** Decodes the first {@link #PREFIX_SIZE} bytes of a {@code struct bpf_map_info}. */
    static MapInfo decode(ByteBuffer info) {
        ByteBuffer b = info.duplicate().order(ByteOrder.nativeOrder());
        int nameLength = 0;
        while (nameLength < NAME_LENGTH && b.get(NAME_OFFSET + nameLength) != 0) {
            nameLength++;
        }
        byte[] name = new byte[nameLength];
        b.get(NAME_OFFSET, name);
        return new MapInfo(new String(name, StandardCharsets.UTF_8), b.getInt(0), b.getInt(4), b.getInt(8),
                b.getInt(12), Integer.toUnsignedLong(b.getInt(16)), b.getInt(20));
    }

    /** Asks the kernel about the map {@code fd}. */
    static MapInfo of(int fd, String what) {
        ByteBuffer info = ByteBuffer.allocate(PREFIX_SIZE).order(ByteOrder.nativeOrder());
        int errno = BpfSyscall.objectInfo(fd, info);
        if (errno != 0) {
            throw KernelErrors.failure("bpf(BPF_OBJ_GET_INFO_BY_FD) on " + what, errno, null);
        }
        return decode(info);
    }
}
