package io.bpf4j.elf;

import java.nio.ByteBuffer;

/**
 * The parts of a linked ELF file's header that {@link LinkedElfFile} needs, read after checking
 * that the file is a little-endian ELF64 executable or shared object. Unlike {@link ElfHeader}
 * (which insists on BPF relocatable objects) it accepts any machine: reading symbols and load
 * segments does not depend on the instruction set.
 *
 * @param type {@code e_type}: {@link #ET_EXEC} or {@link #ET_DYN}
 * @param machine {@code e_machine}, e.g. {@link #EM_X86_64}
 * @param sections where the section header table is, in the form the shared section reader takes
 * @param programHeaderOffset {@code e_phoff}
 * @param programHeaderCount {@code e_phnum}
 */
record LinkedElfHeader(int type, int machine, ElfHeader sections, long programHeaderOffset,
                       int programHeaderCount) {
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    static final int EM_X86_64 = 62;
    static final int PROGRAM_HEADER_SIZE = 56;

    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int SHN_XINDEX = 0xffff;

    /** Validates the header of {@code file} (little-endian) and reads it. */
    static LinkedElfHeader read(ByteBuffer file) throws ElfFormatException {
        int length = file.limit();
        if (length < 4 || file.getInt(0) != 0x464c457f) {
            throw new ElfFormatException("not an ELF file: the first 4 bytes are not \\x7fELF");
        }
        if (length < ElfHeader.HEADER_SIZE) {
            throw new ElfFormatException("truncated ELF header: the file has " + length
                    + " bytes, an ELF64 header needs " + ElfHeader.HEADER_SIZE);
        }
        if (file.get(4) != ELFCLASS64 || file.get(5) != ELFDATA2LSB) {
            throw new ElfFormatException("not a little-endian ELF64 file: class " + file.get(4)
                    + ", data encoding " + file.get(5) + " (expected 2 and 1)");
        }
        int type = Short.toUnsignedInt(file.getShort(16));
        if (type != ET_EXEC && type != ET_DYN) {
            throw new ElfFormatException("not a linked ELF file: e_type is " + type + ", expected "
                    + ET_EXEC + " (executable) or " + ET_DYN + " (shared object or PIE executable)");
        }
        return new LinkedElfHeader(type, Short.toUnsignedInt(file.getShort(18)), sectionTable(file),
                file.getLong(32), programHeaderCount(file));
    }

    private static int programHeaderCount(ByteBuffer file) throws ElfFormatException {
        int count = Short.toUnsignedInt(file.getShort(56));
        int entrySize = Short.toUnsignedInt(file.getShort(54));
        if (count != 0 && entrySize != PROGRAM_HEADER_SIZE) {
            throw new ElfFormatException("ELF header: e_phentsize is " + entrySize + ", expected "
                    + PROGRAM_HEADER_SIZE);
        }
        return count;
    }

    // The section table is described the same way as in objects, including the extended
    // numbering that moves e_shnum and e_shstrndx into section 0 when they overflow 16 bits.
    private static ElfHeader sectionTable(ByteBuffer file) throws ElfFormatException {
        long offset = file.getLong(40);
        long count = Short.toUnsignedInt(file.getShort(60));
        int namesIndex = Short.toUnsignedInt(file.getShort(62));
        if (offset == 0) {
            return new ElfHeader(0, 0, 0); // stripped of section headers: no symbols to read
        }
        int entrySize = Short.toUnsignedInt(file.getShort(58));
        if (entrySize != ElfHeader.SECTION_HEADER_SIZE) {
            throw new ElfFormatException("ELF header: e_shentsize is " + entrySize + ", expected "
                    + ElfHeader.SECTION_HEADER_SIZE);
        }
        checkTableFits(file, "section header table", offset, 1, ElfHeader.SECTION_HEADER_SIZE);
        if (count == 0) {
            count = file.getLong((int) offset + 32);
        }
        if (namesIndex == SHN_XINDEX) {
            namesIndex = file.getInt((int) offset + 40);
        }
        checkTableFits(file, "section header table", offset, count, ElfHeader.SECTION_HEADER_SIZE);
        if (namesIndex < 0 || namesIndex >= count) {
            throw new ElfFormatException("ELF header: section name table index " + namesIndex
                    + " is out of range (the file has " + count + " sections)");
        }
        return new ElfHeader(offset, (int) count, namesIndex);
    }

    /** Checks that {@code count} entries of {@code entrySize} bytes at {@code offset} lie inside the file. */
    static void checkTableFits(ByteBuffer file, String table, long offset, long count, int entrySize)
            throws ElfFormatException {
        long length = file.limit();
        // Compared by division so that huge counts or offsets cannot overflow.
        if (offset < 0 || offset > length || count < 0 || count > (length - offset) / entrySize) {
            throw new ElfFormatException(table + " (" + Long.toUnsignedString(count) + " entries at offset 0x"
                    + Long.toHexString(offset) + ") extends past the end of the file (" + length + " bytes)");
        }
    }
}
