package io.bpf4j.elf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes and validates the section header table, including the section names. */
final class SectionHeaderTable {
    private SectionHeaderTable() {
    }

    /** Reads every section header of {@code file}, checking that each section lies inside it. */
    static List<ElfSection> read(ByteBuffer file, ElfHeader header) throws ElfFormatException {
        int count = header.sectionCount();
        if (count == 0) {
            return List.of();
        }
        ElfSection namesHeader = decode(file, header, header.sectionNamesIndex(), "");
        checkContentsInFile(file, namesHeader);
        if (namesHeader.type() != ElfSection.SHT_STRTAB) {
            throw new ElfFormatException("section [" + namesHeader.index()
                    + "]: the section name table has type " + namesHeader.type() + ", expected "
                    + ElfSection.SHT_STRTAB + " (SHT_STRTAB)");
        }
        ElfStringTable names = new ElfStringTable(ElfFile.slice(file, namesHeader), "section names");
        List<ElfSection> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long nameOffset = Integer.toUnsignedLong(file.getInt(entryOffset(header, i)));
            ElfSection section = decode(file, header, i, names.at(nameOffset, "section [" + i + "]"));
            checkContentsInFile(file, section);
            sections.add(section);
        }
        return List.copyOf(sections);
    }

    private static ElfSection decode(ByteBuffer file, ElfHeader header, int index, String name) {
        int at = entryOffset(header, index);
        return new ElfSection(index, name,
                file.getInt(at + 4),    // sh_type
                file.getLong(at + 8),   // sh_flags
                file.getLong(at + 24),  // sh_offset (sh_addr at 16 is always 0 in objects)
                file.getLong(at + 32),  // sh_size
                file.getInt(at + 40),   // sh_link
                file.getInt(at + 44),   // sh_info
                file.getLong(at + 48),  // sh_addralign
                file.getLong(at + 56)); // sh_entsize
    }

    // ElfHeader has checked that the whole table lies inside the file, so this fits an int.
    private static int entryOffset(ElfHeader header, int index) {
        return (int) (header.sectionHeaderOffset() + (long) index * ElfHeader.SECTION_HEADER_SIZE);
    }

    private static void checkContentsInFile(ByteBuffer file, ElfSection section) throws ElfFormatException {
        if (section.type() == ElfSection.SHT_NULL || section.isNoBits()) {
            return; // no file contents
        }
        long length = file.limit();
        long offset = section.offset();
        long size = section.size();
        // Negative values are offsets or sizes of 2^63 and more: past the end of any file.
        if (offset < 0 || size < 0 || offset > length || size > length - offset) {
            throw new ElfFormatException("section [" + section.index() + "] '" + Printable.escape(section.name())
                    + "': contents (offset 0x" + Long.toHexString(offset) + ", size 0x"
                    + Long.toHexString(size) + ") extend past the end of the file (" + length + " bytes)");
        }
    }
}
