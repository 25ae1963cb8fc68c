package io.bpf4j.linux;

import io.bpf4j.Errno;

/** What the kernel's errnos mean for map operations, in words, for the exceptions' details. */
final class MapErrors {
    private static final long BPF_NOEXIST = 1;
    private static final long BPF_EXIST = 2;

    private MapErrors() {}

    /** Why {@code BPF_MAP_UPDATE_ELEM} with {@code flags} failed with {@code errno}; null when the errno says all. */
    static String update(int errno, long flags, int typeId, long maxEntries) {
        if (errno == Errno.E2BIG) {
            return MapKinds.indexed(typeId) ? "the index is beyond max_entries " + maxEntries
                    : "the map is full: max_entries " + maxEntries;
        }
        if (errno == Errno.EEXIST && flags == BPF_NOEXIST) {
            return "the key exists and BPF_NOEXIST was given";
        }
        if (errno == Errno.ENOENT && flags == BPF_EXIST) {
            return "the key does not exist and BPF_EXIST was given";
        }
        if (errno == Errno.EPERM) {
            return "the map is frozen (BPF_MAP_FREEZE) or read-only for user space";
        }
        return null;
    }

    /** Why {@code BPF_MAP_UPDATE_BATCH} failed at element {@code failed} of {@code count}. */
    static String updateBatch(int errno, long flags, int typeId, long maxEntries, int failed,
            int count) {
        // Measured on Linux 6.18: elem_flags other than BPF_ANY (and BPF_F_LOCK) are refused as a whole.
        String why = errno == Errno.EINVAL && flags != 0
                ? "batch updates take BPF_ANY only on this kernel (BPF_NOEXIST/BPF_EXIST are refused)"
                : update(errno, flags, typeId, maxEntries);
        return "element " + failed + " of " + count + " failed, the ones before it were written"
                + (why == null ? "" : "; " + why);
    }

    /** Why {@code BPF_MAP_DELETE_BATCH} failed at key {@code failed} of {@code count}. */
    static String deleteBatch(int errno, int failed, int count) {
        return "key " + failed + " of " + count + (errno == Errno.ENOENT ? " is absent" : " failed")
                + ", the ones before it were deleted";
    }

    /** Why {@code BPF_MAP_DELETE_ELEM} failed; null when the errno says it all. */
    static String delete(int errno, int typeId) {
        return errno == Errno.EINVAL && MapKinds.plainArray(typeId) ? "array elements cannot be deleted" : null;
    }

    /** Why a batch lookup failed; null when the errno says it all. */
    static String lookupBatch(int errno, int count) {
        return errno == Errno.ENOSPC
                ? "a hash bucket holds more than " + count + " elements: retry with a larger count" : null;
    }
}
