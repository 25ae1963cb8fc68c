package io.bpf4j.elf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed little-endian ELF64 BPF object: its sections, its symbols and the bytes of each
 * section. Immutable; the bytes given to {@link #parse(byte[])} are copied.
 */
public final class ElfFile {
    /**
     * The largest object {@link #parse(byte[])} accepts: 64 MiB. Real BPF objects are kilobytes to
     * a few megabytes (the largest of Debian's libbpf-tools is 115 KB; the running kernel's whole
     * BTF, more types than any object embeds, is 5.5 MB), so this leaves ten times the room of an
     * object that carried all of the kernel's types, while bounding what a hostile file can make a
     * build spend: parsing costs a fixed multiple of the object's size (see
     * {@code docs/testing-notes.md}), and no count or offset in the file can allocate beyond it.
     */
    public static final long MAX_OBJECT_SIZE = 64L << 20;

    private final ByteBuffer file;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;
    // Indexes built once, so lookups stay cheap even for files with many sections and symbols.
    private final Map<String, ElfSection> sectionsByName = new HashMap<>();
    private final Map<Integer, List<ElfSymbol>> symbolsBySection = new HashMap<>();

    private ElfFile(ByteBuffer file, List<ElfSection> sections, List<ElfSymbol> symbols) {
        this.file = file;
        this.sections = sections;
        this.symbols = symbols;
        for (ElfSection section : sections) {
            sectionsByName.putIfAbsent(section.name(), section);
        }
        for (ElfSymbol symbol : symbols) {
            symbolsBySection.computeIfAbsent(symbol.sectionIndex(), index -> new ArrayList<>()).add(symbol);
        }
    }

    /**
     * Parses and validates an ELF BPF object.
     *
     * @throws ElfFormatException when the bytes are not a little-endian ELF64 {@code EM_BPF}
     *     relocatable object, or a header, section or symbol lies outside the file, or there are
     *     more than {@link #MAX_OBJECT_SIZE} bytes
     */
    public static ElfFile parse(byte[] bytes) throws ElfFormatException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_OBJECT_SIZE) {
            throw new ElfFormatException("the object has " + bytes.length + " bytes, more than the "
                    + ObjectBytes.humanSize(MAX_OBJECT_SIZE) + " a BPF object may have");
        }
        ByteBuffer file = ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ElfHeader header = ElfHeader.read(file);
        List<ElfSection> sections = SectionHeaderTable.read(file, header);
        List<ElfSymbol> symbols = SymbolTable.read(file, sections);
        return new ElfFile(file, sections, symbols);
    }

    /** Every section in section header table order; index {@code i} holds section {@code i}. */
    public List<ElfSection> sections() {
        return sections;
    }

    /** The first section called {@code name}. */
    public Optional<ElfSection> section(String name) {
        return Optional.ofNullable(sectionsByName.get(name));
    }

    /** Every symbol in symbol table order; index {@code i} holds symbol {@code i} (0 is the null symbol). */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /**
     * The symbols defined in {@code section} (those whose {@code st_shndx} is its index), in
     * symbol table order.
     */
    public List<ElfSymbol> symbols(ElfSection section) {
        return Collections.unmodifiableList(symbolsBySection.getOrDefault(section.index(), List.of()));
    }

    /**
     * The contents of {@code section}: a read-only little-endian buffer positioned at 0, empty
     * for {@code SHT_NOBITS} sections.
     *
     * @throws IllegalArgumentException when the section is not one of this file's
     */
    public ByteBuffer contents(ElfSection section) {
        Objects.requireNonNull(section, "section");
        if (section.index() < 0 || section.index() >= sections.size()
                || !sections.get(section.index()).equals(section)) {
            throw new IllegalArgumentException("section [" + section.index() + "] '" + Printable.escape(section.name())
                    + "' is not a section of this file");
        }
        return slice(file, section);
    }

    /** The bytes of a section whose range has been validated; empty when it has no file contents. */
    static ByteBuffer slice(ByteBuffer file, ElfSection section) {
        if (section.isNoBits() || section.type() == ElfSection.SHT_NULL) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        // slice() resets the byte order to big-endian, so the order is set afterwards.
        return file.slice((int) section.offset(), (int) section.size()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return "ElfFile[" + file.limit() + " bytes, " + sections.size() + " sections, "
                + symbols.size() + " symbols]";
    }
}
