package io.bpf4j.linux;

import io.bpf4j.spec.MapType;

/**
 * What the kernel's map types imply for user-space access, by {@code enum bpf_map_type} number
 * (numbers, so that map types newer than this build still work where no rule applies).
 */
final class MapKinds {
    private MapKinds() {}

    /** Values are exchanged once per possible CPU, each slot rounded up to 8 bytes. */
    static boolean perCpu(int typeId) {
        return typeId == MapType.PERCPU_HASH.id() || typeId == MapType.PERCPU_ARRAY.id()
                || typeId == MapType.LRU_PERCPU_HASH.id() || typeId == MapType.PERCPU_CGROUP_STORAGE.id();
    }

    /** Value arrays whose elements always exist and cannot be deleted (EINVAL). */
    static boolean plainArray(int typeId) {
        return typeId == MapType.ARRAY.id() || typeId == MapType.PERCPU_ARRAY.id();
    }

    /** Maps keyed by a u32 index below max_entries, where E2BIG means "index out of range". */
    static boolean indexed(int typeId) {
        return plainArray(typeId) || typeId == MapType.PROG_ARRAY.id() || typeId == MapType.PERF_EVENT_ARRAY.id()
                || typeId == MapType.CGROUP_ARRAY.id() || typeId == MapType.ARRAY_OF_MAPS.id();
    }
}
