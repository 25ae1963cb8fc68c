package io.bpf4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes the {@code PT_LOAD} entries of a linked file's program header table. */
final class ProgramHeaderTable {
    private static final int PT_LOAD = 1;

    private ProgramHeaderTable() {
    }

    /** The loadable segments of {@code file} in table order (ascending addresses, as the ELF spec requires). */
    static List<LoadSegment> readLoadSegments(ByteBuffer file, LinkedElfHeader header) throws ElfFormatException {
        int count = header.programHeaderCount();
        if (count == 0) {
            return List.of();
        }
        long tableOffset = header.programHeaderOffset();
        LinkedElfHeader.checkTableFits(file, "program header table", tableOffset, count,
                LinkedElfHeader.PROGRAM_HEADER_SIZE);
        List<LoadSegment> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = (int) (tableOffset + (long) i * LinkedElfHeader.PROGRAM_HEADER_SIZE);
            if (file.getInt(at) != PT_LOAD) {
                continue;
            }
            LoadSegment segment = new LoadSegment(
                    file.getLong(at + 8),   // p_offset
                    file.getLong(at + 16),  // p_vaddr (p_paddr at 24 is unused on Linux)
                    file.getLong(at + 32),  // p_filesz
                    file.getLong(at + 40),  // p_memsz
                    file.getInt(at + 4));   // p_flags
            if (segment.offset() < 0 || segment.fileSize() < 0 || segment.fileSize() > segment.memorySize()) {
                throw new ElfFormatException("program header [" + i + "]: PT_LOAD with offset 0x"
                        + Long.toHexString(segment.offset()) + ", file size 0x" + Long.toHexString(segment.fileSize())
                        + " and memory size 0x" + Long.toHexString(segment.memorySize()) + " is inconsistent");
            }
            segments.add(segment);
        }
        return List.copyOf(segments);
    }
}
