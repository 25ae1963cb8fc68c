package io.bpf4j.processor.cli;

import io.bpf4j.elf.ElfFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the BPF objects embedded in a file, such as the ones {@code bpftool gen skeleton} puts into
 * a tool's binary as a byte array: every little-endian ELF64 relocatable image for
 * {@code EM_BPF} (247), cut out by its own size — the end of its section header table or of its
 * last section, whichever is further.
 *
 * <p>A candidate whose headers point outside the file is not an embedded object (the magic can
 * occur by chance) and is skipped.
 */
final class EmbeddedObjects {
    /** ELF {@code e_machine} of BPF. */
    static final int EM_BPF = 247;

    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ET_REL = 1;
    private static final int HEADER_SIZE = 64;
    private static final int SECTION_HEADER_SIZE = 64;
    private static final int SHT_NOBITS = 8;

    private EmbeddedObjects() {}

    /** Each embedded BPF object's bytes, in file order. */
    static List<byte[]> find(byte[] file) {
        return find(ByteBuffer.wrap(file));
    }

    /**
     * Each BPF object embedded in {@code file} (from index 0 to its limit, e.g. a mapped binary), in
     * file order. A candidate larger than {@link ElfFile#MAX_OBJECT_SIZE} is no object bpf4j reads,
     * and is skipped like one whose headers point outside the file.
     */
    static List<byte[]> find(ByteBuffer file) {
        List<byte[]> objects = new ArrayList<>();
        ByteBuffer buffer = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = indexOfMagic(buffer, 0);
        while (start >= 0) {
            long size = objectSize(buffer, start);
            if (size > 0 && size <= ElfFile.MAX_OBJECT_SIZE) {
                byte[] object = new byte[(int) size];
                buffer.get(start, object);
                objects.add(object);
                start = indexOfMagic(buffer, Math.toIntExact(start + size));
            } else {
                start = indexOfMagic(buffer, start + 1);
            }
        }
        return objects;
    }

    /** The size of the BPF object at {@code start}, or 0 when there is none there. */
    private static long objectSize(ByteBuffer file, int start) {
        long available = file.limit() - (long) start;
        if (available < HEADER_SIZE
                || file.get(start + 4) != ELFCLASS64 || file.get(start + 5) != ELFDATA2LSB
                || Short.toUnsignedInt(file.getShort(start + 16)) != ET_REL
                || Short.toUnsignedInt(file.getShort(start + 18)) != EM_BPF) {
            return 0;
        }
        long sectionHeaders = file.getLong(start + 40);
        int entrySize = Short.toUnsignedInt(file.getShort(start + 58));
        long count = Short.toUnsignedInt(file.getShort(start + 60));
        if (sectionHeaders <= 0 || entrySize != SECTION_HEADER_SIZE
                || sectionHeaders + SECTION_HEADER_SIZE > available) {
            return 0;
        }
        if (count == 0) {
            // Extended numbering: more than 0xff00 sections, the count is section 0's sh_size.
            count = file.getLong(Math.toIntExact(start + sectionHeaders + 32));
        }
        long end = sectionHeaders + count * SECTION_HEADER_SIZE;
        if (count <= 0 || end > available) {
            return 0;
        }
        for (long i = 0; i < count; i++) {
            int header = Math.toIntExact(start + sectionHeaders + i * SECTION_HEADER_SIZE);
            if (file.getInt(header + 4) == SHT_NOBITS) {
                continue;
            }
            long sectionEnd = file.getLong(header + 24) + file.getLong(header + 32);
            if (sectionEnd < 0 || sectionEnd > available) {
                return 0;
            }
            end = Math.max(end, sectionEnd);
        }
        return end;
    }

    private static int indexOfMagic(ByteBuffer file, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= file.limit() - MAGIC.length; i++) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (file.get(i + j) != MAGIC[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
