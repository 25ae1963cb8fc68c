package io.bpf4j.elf;

import java.nio.ByteBuffer;

/**
 * The parts of the ELF file header this reader needs, read after checking that the file is a
 * little-endian ELF64 relocatable object for BPF.
 *
 * @param sectionHeaderOffset {@code e_shoff}: where the section header table starts
 * @param sectionCount number of section headers (extended numbering already applied)
 * @param sectionNamesIndex index of the section header string table (extended numbering applied)
 */
record ElfHeader(long sectionHeaderOffset, int sectionCount, int sectionNamesIndex) {
    static final int HEADER_SIZE = 64;
    static final int SECTION_HEADER_SIZE = 64;
    static final int EM_BPF = 247;

    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ET_REL = 1;
    // e_shnum and e_shstrndx overflow into section 0 when they do not fit 16 bits.
    private static final int SHN_XINDEX = 0xffff;

    /** Validates the header of {@code file} (little-endian, positioned anywhere) and reads it. */
    static ElfHeader read(ByteBuffer file) throws ElfFormatException {
        checkIdentity(file);
        return readSectionTableLocation(file);
    }

    /**
     * Checks that {@code start} — the whole file, or only its first bytes — begins with the header
     * of a little-endian ELF64 relocatable object for BPF. Reads no more than the first
     * {@value #HEADER_SIZE} bytes, so a file can be judged before it is read whole.
     */
    static void checkIdentity(ByteBuffer start) throws ElfFormatException {
        int length = start.limit();
        if (length < 4 || start.getInt(0) != 0x464c457f) {
            throw new ElfFormatException("not an ELF file: the first 4 bytes are not \\x7fELF");
        }
        if (length < HEADER_SIZE) {
            throw new ElfFormatException("truncated ELF header: the file has " + length
                    + " bytes, an ELF64 header needs " + HEADER_SIZE);
        }
        int elfClass = Byte.toUnsignedInt(start.get(4));
        if (elfClass != ELFCLASS64) {
            throw new ElfFormatException("not an eBPF object: ELF class is " + elfClass
                    + (elfClass == 1 ? " (32-bit)" : "") + ", expected 2 (64-bit)");
        }
        int encoding = Byte.toUnsignedInt(start.get(5));
        if (encoding != ELFDATA2LSB) {
            throw new ElfFormatException("not an eBPF object: ELF data encoding is " + encoding
                    + (encoding == 2 ? " (big-endian)" : "") + ", expected 1 (little-endian)");
        }
        int machine = Short.toUnsignedInt(start.getShort(18));
        if (machine != EM_BPF) {
            throw new ElfFormatException("not an eBPF object: e_machine is " + machine
                    + machineName(machine) + ", expected " + EM_BPF + " (BPF)");
        }
        int type = Short.toUnsignedInt(start.getShort(16));
        if (type != ET_REL) {
            throw new ElfFormatException("not a relocatable BPF object: e_type is " + type
                    + ", expected " + ET_REL + " (relocatable, as clang -c writes)");
        }
    }

    private static ElfHeader readSectionTableLocation(ByteBuffer file) throws ElfFormatException {
        long shoff = file.getLong(40);
        int shentsize = Short.toUnsignedInt(file.getShort(58));
        long shnum = Short.toUnsignedInt(file.getShort(60));
        int shstrndx = Short.toUnsignedInt(file.getShort(62));
        if (shoff == 0) {
            if (shnum != 0) {
                throw new ElfFormatException("ELF header: e_shnum is " + shnum + " but e_shoff is 0");
            }
            return new ElfHeader(0, 0, 0);
        }
        if (shentsize != SECTION_HEADER_SIZE) {
            throw new ElfFormatException("ELF header: e_shentsize is " + shentsize + ", expected "
                    + SECTION_HEADER_SIZE);
        }
        checkTableFits(file, shoff, 1);
        if (shnum == 0) {
            shnum = file.getLong((int) shoff + 32); // sh_size of section 0
        }
        if (shstrndx == SHN_XINDEX) {
            shstrndx = file.getInt((int) shoff + 40); // sh_link of section 0
        }
        checkTableFits(file, shoff, shnum);
        if (shstrndx < 0 || shstrndx >= shnum) {
            throw new ElfFormatException("ELF header: section name table index " + shstrndx
                    + " is out of range (the file has " + shnum + " sections)");
        }
        return new ElfHeader(shoff, (int) shnum, shstrndx);
    }

    private static void checkTableFits(ByteBuffer file, long shoff, long count) throws ElfFormatException {
        long length = file.limit();
        // Compared by division so that huge counts or offsets cannot overflow.
        if (shoff < 0 || shoff > length || count < 0 || count > (length - shoff) / SECTION_HEADER_SIZE) {
            throw new ElfFormatException("section header table (" + Long.toUnsignedString(count)
                    + " entries at offset 0x" + Long.toHexString(shoff)
                    + ") extends past the end of the file (" + length + " bytes)");
        }
    }

    private static String machineName(int machine) {
        return switch (machine) {
            case 3 -> " (x86)";
            case 8 -> " (MIPS)";
            case 20 -> " (PowerPC)";
            case 21 -> " (PowerPC64)";
            case 22 -> " (s390)";
            case 40 -> " (ARM)";
            case 62 -> " (x86-64)";
            case 183 -> " (AArch64)";
            case 243 -> " (RISC-V)";
            case 258 -> " (LoongArch)";
            default -> "";
        };
    }
}
