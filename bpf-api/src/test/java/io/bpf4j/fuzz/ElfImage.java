package io.bpf4j.fuzz;

import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BPF object taken apart into its sections so tests can rewrite it: replace a section's
 * contents, change header fields, append sections, then write a well-formed ELF file again.
 * Section indexes stay stable (symbols and relocations refer to them), and the section name table
 * is rebuilt from the names, so a renamed or added section needs no offset arithmetic.
 */
public final class ElfImage {
    private static final int HEADER_SIZE = 64;
    private static final int SECTION_HEADER_SIZE = 64;
    private static final int SHN_LORESERVE = 0xff00;

    /** One section header and its contents ({@code null} contents for {@code SHT_NOBITS}). */
    public static final class Section {
        public String name;
        public int type;
        public long flags;
        public int link;
        public int info;
        public long addralign;
        public long entsize;
        public byte[] contents;
        /** For {@code SHT_NOBITS}: the size in memory. */
        public long noBitsSize;
        /** When set, written as {@code sh_size} instead of the contents' length (the contents still follow). */
        public Long sizeOverride;
        /** When set, written as {@code sh_offset} instead of where the contents are. */
        public Long offsetOverride;

        Section(String name, int type) {
            this.name = name;
            this.type = type;
        }
    }

    private final byte[] header;
    private final List<Section> sections = new ArrayList<>();
    private int namesIndex;

    private ElfImage(byte[] header) {
        this.header = header;
    }

    /** Takes {@code object} apart; it must parse. */
    public static ElfImage of(byte[] object) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(object);
        byte[] header = new byte[HEADER_SIZE];
        System.arraycopy(object, 0, header, 0, HEADER_SIZE);
        ElfImage image = new ElfImage(header);
        image.namesIndex = Short.toUnsignedInt(ByteBuffer.wrap(object).order(ByteOrder.LITTLE_ENDIAN).getShort(62));
        for (ElfSection s : elf.sections()) {
            Section section = new Section(s.name(), s.type());
            section.flags = s.flags();
            section.link = s.link();
            section.info = s.info();
            section.addralign = s.addralign();
            section.entsize = s.entsize();
            if (s.isNoBits()) {
                section.noBitsSize = s.size();
            } else {
                ByteBuffer contents = elf.contents(s);
                section.contents = new byte[contents.remaining()];
                contents.get(section.contents);
            }
            image.sections.add(section);
        }
        return image;
    }

    /** The sections by index; edit them in place. */
    public List<Section> sections() {
        return sections;
    }

    /** The first section called {@code name}. */
    public Section section(String name) {
        return sections.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section " + name));
    }

    /** The index of the first section called {@code name}. */
    public int indexOf(String name) {
        return sections.indexOf(section(name));
    }

    /** Appends a section and returns it. */
    public Section add(String name, int type, byte[] contents) {
        Section section = new Section(name, type);
        section.contents = contents;
        section.addralign = 8;
        sections.add(section);
        return section;
    }

    /** The ELF file: header, contents 8-byte aligned in index order, then the section header table. */
    public byte[] write() {
        // clang shares one table between section and symbol names, so the table keeps its bytes
        // and only names it does not hold yet are appended.
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        byte[] original = sections.get(namesIndex).contents;
        names.writeBytes(original == null || original.length == 0 ? new byte[1] : original);
        Map<String, Integer> known = namesIn(names.toByteArray());
        int[] nameOffsets = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            String name = sections.get(i).name;
            Integer found = known.get(name);
            if (found == null) {
                found = names.size();
                known.put(name, found);
                names.writeBytes(name.getBytes(StandardCharsets.UTF_8));
                names.write(0);
            }
            nameOffsets[i] = found;
        }
        byte[] nameTable = names.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(header);
        long[] offsets = new long[sections.size()];
        long[] sizes = new long[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            byte[] contents = i == namesIndex ? nameTable : section.contents;
            if (section.type == ElfSection.SHT_NULL) {
                continue;
            }
            if (contents == null) {
                sizes[i] = section.noBitsSize;
                offsets[i] = body.size();
                continue;
            }
            pad(body);
            offsets[i] = body.size();
            sizes[i] = contents.length;
            body.writeBytes(contents);
        }
        pad(body);
        long tableOffset = body.size();
        ByteBuffer table = ByteBuffer.allocate(sections.size() * SECTION_HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            int at = i * SECTION_HEADER_SIZE;
            if (section.type == ElfSection.SHT_NULL && i == 0) {
                continue;
            }
            table.putInt(at, nameOffsets[i]);
            table.putInt(at + 4, section.type);
            table.putLong(at + 8, section.flags);
            table.putLong(at + 24, section.offsetOverride != null ? section.offsetOverride : offsets[i]);
            table.putLong(at + 32, section.sizeOverride != null ? section.sizeOverride : sizes[i]);
            table.putInt(at + 40, section.link);
            table.putInt(at + 44, section.info);
            table.putLong(at + 48, section.addralign);
            table.putLong(at + 56, section.entsize);
        }
        body.writeBytes(table.array());
        ByteBuffer file = ByteBuffer.wrap(body.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(40, tableOffset);
        file.putShort(58, (short) SECTION_HEADER_SIZE);
        if (sections.size() >= SHN_LORESERVE) {
            // Extended numbering: e_shnum 0, and the count in section 0's sh_size.
            file.putShort(60, (short) 0);
            file.putLong((int) tableOffset + 32, sections.size());
        } else {
            file.putShort(60, (short) sections.size());
        }
        file.putShort(62, (short) namesIndex);
        return file.array();
    }

    /**
     * The offset of every NUL-terminated name in {@code table}, and of the tails of the short ones
     * (clang ends {@code .rel.text} and {@code .text} at one NUL).
     */
    private static Map<String, Integer> namesIn(byte[] table) {
        Map<String, Integer> offsets = new HashMap<>();
        int start = 0;
        for (int at = 0; at < table.length; at++) {
            if (table[at] == 0) {
                for (int tail = start; tail <= at; tail = at - tail > 256 ? at + 1 : tail + 1) {
                    offsets.putIfAbsent(new String(table, tail, at - tail, StandardCharsets.UTF_8), tail);
                }
                start = at + 1;
            }
        }
        return offsets;
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 8 != 0) {
            out.write(0);
        }
    }
}
