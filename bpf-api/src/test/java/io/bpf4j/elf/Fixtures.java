package io.bpf4j.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Loads the BPF objects the build compiles from src/test/bpf, and edits copies of them. */
public final class Fixtures {
    /** The main fixture: maps, data sections and two programs (src/test/bpf/fixture.bpf.c). */
    public static final String FIXTURE = "/fixture.bpf.o";
    /** Less common shapes: map-in-map, .kconfig, custom sections (src/test/bpf/extras.bpf.c). */
    public static final String EXTRAS = "/extras.bpf.o";

    private Fixtures() {
    }

    /** The bytes of a class path resource. */
    public static byte[] read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the build compiles it from src/test/bpf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a section of a fixture, copied out. */
    public static ByteBuffer sectionBytes(String resource, String section) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(read(resource));
        return elf.contents(elf.section(section).orElseThrow());
    }

    /** A little-endian view of a copy of {@code bytes}, for patching. */
    public static ByteBuffer copy(byte[] bytes) {
        return ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A copy of {@code bytes} where section {@code name} has lost the first character of its name
     * (its name offset moves on by one), so lookups by the old name fail.
     */
    public static byte[] renameSection(byte[] bytes, String name) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(bytes);
        ElfSection section = elf.section(name).orElseThrow();
        ByteBuffer header = copy(bytes);
        int entry = (int) header.getLong(40) + section.index() * 64; // e_shoff + index * e_shentsize
        header.putInt(entry, header.getInt(entry) + 1);
        return header.array();
    }

    /** A copy of {@code bytes} where symbol {@code name} has lost the first character of its name. */
    public static byte[] renameSymbol(byte[] bytes, String name) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(bytes);
        ElfSection symtab = elf.sections().stream()
                .filter(section -> section.type() == ElfSection.SHT_SYMTAB).findFirst().orElseThrow();
        int index = elf.symbols().indexOf(elf.symbols().stream()
                .filter(symbol -> symbol.name().equals(name)).findFirst().orElseThrow());
        ByteBuffer patched = copy(bytes);
        int entry = (int) symtab.offset() + index * 24;
        patched.putInt(entry, patched.getInt(entry) + 1);
        return patched.array();
    }
}
