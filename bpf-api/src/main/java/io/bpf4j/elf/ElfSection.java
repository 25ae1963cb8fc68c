package io.bpf4j.elf;

/**
 * One entry of the section header table.
 *
 * @param index position in the section header table (0 is the null section)
 * @param name the name from the section header string table
 * @param type {@code sh_type}, one of the {@code SHT_*} constants
 * @param flags {@code sh_flags}, a combination of the {@code SHF_*} constants
 * @param offset where the contents start in the file
 * @param size size of the contents in bytes (for {@code SHT_NOBITS}, the size in memory)
 * @param link {@code sh_link}, e.g. the string table of a symbol table
 * @param info {@code sh_info}, e.g. the section a relocation section applies to
 * @param addralign required alignment of the contents
 * @param entsize size of one entry for tables of fixed-size entries, else 0
 */
public record ElfSection(int index, String name, int type, long flags, long offset, long size,
                         int link, int info, long addralign, long entsize) {
    /** Unused section header. */
    public static final int SHT_NULL = 0;
    /** Contents defined by the program: code and data. */
    public static final int SHT_PROGBITS = 1;
    /** Symbol table. */
    public static final int SHT_SYMTAB = 2;
    /** String table. */
    public static final int SHT_STRTAB = 3;
    /** Relocations without addends. */
    public static final int SHT_REL = 9;
    /** Occupies no file space: zero-initialised data such as {@code .bss}. */
    public static final int SHT_NOBITS = 8;

    /** Writable at run time. */
    public static final long SHF_WRITE = 0x1;
    /** Occupies memory when loaded. */
    public static final long SHF_ALLOC = 0x2;
    /** Contains executable instructions. */
    public static final long SHF_EXECINSTR = 0x4;

    /** Holds instructions: a BPF program section or {@code .text}. */
    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** Takes no space in the file; its contents are all zero. */
    public boolean isNoBits() {
        return type == SHT_NOBITS;
    }

    /** Writable data. */
    public boolean isWritable() {
        return (flags & SHF_WRITE) != 0;
    }

    /** Occupies memory when the object is loaded. */
    public boolean isAlloc() {
        return (flags & SHF_ALLOC) != 0;
    }
}
