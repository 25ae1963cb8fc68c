package io.bpf4j.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * A linked little-endian ELF64 file — an executable ({@code ET_EXEC}), a position-independent
 * executable or a shared library ({@code ET_DYN}) — read for symbolization: its loadable
 * segments and the symbols of its {@code .symtab} and {@code .dynsym}.
 *
 * <p>This is a separate reader from {@link ElfFile} on purpose: {@code ElfFile} accepts only BPF
 * relocatable objects, and that strictness is what the object-spec reader relies on.
 */
public final class LinkedElfFile {
    /** {@code e_type} of a fixed-address executable. */
    public static final int ET_EXEC = LinkedElfHeader.ET_EXEC;
    /** {@code e_type} of a shared object or a position-independent executable. */
    public static final int ET_DYN = LinkedElfHeader.ET_DYN;

    private final int type;
    private final int machine;
    private final List<LoadSegment> loadSegments;
    private final List<ElfSymbol> symbols;

    private LinkedElfFile(int type, int machine, List<LoadSegment> loadSegments, List<ElfSymbol> symbols) {
        this.type = type;
        this.machine = machine;
        this.loadSegments = loadSegments;
        this.symbols = symbols;
    }

    /**
     * Parses the file; the bytes are read during the call and not kept.
     *
     * @throws ElfFormatException when the bytes are not a little-endian ELF64 executable or shared
     *     object, or a table, segment or symbol name lies outside the file
     */
    public static LinkedElfFile parse(byte[] bytes) throws ElfFormatException {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer file = ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        LinkedElfHeader header = LinkedElfHeader.read(file);
        List<LoadSegment> segments = ProgramHeaderTable.readLoadSegments(file, header);
        List<ElfSection> sections = SectionHeaderTable.read(file, header.sections());
        return new LinkedElfFile(header.type(), header.machine(), segments, LinkedSymbolTables.read(file, sections));
    }

    /** {@link #ET_EXEC} or {@link #ET_DYN}. */
    public int type() {
        return type;
    }

    /** {@code e_machine}, e.g. 62 for x86-64. */
    public int machine() {
        return machine;
    }

    /** The {@code PT_LOAD} segments in program header order. */
    public List<LoadSegment> loadSegments() {
        return loadSegments;
    }

    /**
     * The symbols of {@code .symtab} followed by those of {@code .dynsym}, without the null
     * symbols; {@link ElfSymbol#value()} is the linked virtual address. A name may appear twice
     * when both tables list it.
     */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    @Override
    public String toString() {
        return "LinkedElfFile[" + (type == ET_EXEC ? "ET_EXEC" : "ET_DYN") + ", machine " + machine + ", "
                + loadSegments.size() + " load segments, " + symbols.size() + " symbols]";
    }
}
