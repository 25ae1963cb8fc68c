package io.bpf4j.elf;

/**
 * One {@code PT_LOAD} entry of a linked ELF file's program header table: a part of the file the
 * loader maps into memory.
 *
 * @param offset {@code p_offset}: where the segment starts in the file
 * @param virtualAddress {@code p_vaddr}: where it is linked to start in memory (before any load
 *     bias a position-independent file receives)
 * @param fileSize {@code p_filesz}: bytes taken from the file
 * @param memorySize {@code p_memsz}: bytes occupied in memory (at least {@code fileSize})
 * @param flags {@code p_flags}, a combination of {@link #PF_X}, {@link #PF_W}, {@link #PF_R}
 */
public record LoadSegment(long offset, long virtualAddress, long fileSize, long memorySize, int flags) {
    /** Executable. */
    public static final int PF_X = 0x1;
    /** Writable. */
    public static final int PF_W = 0x2;
    /** Readable. */
    public static final int PF_R = 0x4;

    /** Holds code. */
    public boolean isExecutable() {
        return (flags & PF_X) != 0;
    }

    /** True when the file byte at {@code fileOffset} is part of this segment's file image. */
    public boolean containsFileOffset(long fileOffset) {
        return fileOffset >= offset && fileOffset - offset < fileSize;
    }

    /** The linked virtual address of the file byte at {@code fileOffset}, which this segment must contain. */
    public long virtualAddressOf(long fileOffset) {
        return fileOffset - offset + virtualAddress;
    }
}
