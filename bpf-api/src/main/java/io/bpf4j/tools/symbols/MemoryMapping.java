package io.bpf4j.tools.symbols;

/**
 * One line of {@code /proc/PID/maps}.
 *
 * @param start first address of the mapping
 * @param end the address just past it
 * @param permissions e.g. {@code "r-xp"}
 * @param offset where in the file the mapping starts
 * @param device {@code major:minor} of the file's device, as printed
 * @param inode the file's inode, 0 for anonymous memory
 * @param path the file, or a pseudo-name such as {@code [stack]}, {@code [vdso]}; "" when anonymous
 */
public record MemoryMapping(long start, long end, String permissions, long offset, String device, long inode,
                            String path) {
    private static final String DELETED = " (deleted)";

    /** Holds code: the permissions include {@code x}. */
    public boolean isExecutable() {
        return permissions.length() > 2 && permissions.charAt(2) == 'x';
    }

    /** Maps a file (not anonymous memory, the stack, the heap or the vDSO). */
    public boolean isFileBacked() {
        return path.startsWith("/") && inode != 0;
    }

    /** True when {@code address} lies inside the mapping (addresses compared unsigned). */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /** Where {@code address} (inside this mapping) lies in the mapped file. */
    public long fileOffsetOf(long address) {
        return address - start + offset;
    }

    /** The file name without its directory and without the {@code " (deleted)"} mark, e.g. {@code "libc.so.6"}. */
    public String fileName() {
        String file = path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path;
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
