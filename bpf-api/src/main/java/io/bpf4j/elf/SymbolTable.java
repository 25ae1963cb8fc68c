package io.bpf4j.elf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes the {@code SHT_SYMTAB} section and the names of its symbols. */
final class SymbolTable {
    private static final int ENTRY_SIZE = 24;

    private SymbolTable() {
    }

    /**
     * Reads the symbol table of {@code file}; empty when the object has none. The list index is
     * the symbol index, so entry 0 is the null symbol.
     */
    static List<ElfSymbol> read(ByteBuffer file, List<ElfSection> sections) throws ElfFormatException {
        ElfSection table = null;
        for (ElfSection section : sections) {
            if (section.type() == ElfSection.SHT_SYMTAB) {
                if (table != null) {
                    throw new ElfFormatException("section [" + section.index()
                            + "]: a second symbol table (an object has at most one)");
                }
                table = section;
            }
        }
        return table == null ? List.of() : decode(file, sections, table);
    }

    private static List<ElfSymbol> decode(ByteBuffer file, List<ElfSection> sections, ElfSection table)
            throws ElfFormatException {
        String where = "symbol table [" + table.index() + "] '" + Printable.escape(table.name()) + "'";
        if (table.entsize() != ENTRY_SIZE || table.size() % ENTRY_SIZE != 0) {
            throw new ElfFormatException(where + ": entry size " + table.entsize() + " and size "
                    + table.size() + " do not describe " + ENTRY_SIZE + "-byte ELF64 symbols");
        }
        ElfStringTable names = new ElfStringTable(ElfFile.slice(file, stringTable(sections, table, where)),
                "symbol names");
        ByteBuffer entries = ElfFile.slice(file, table);
        int count = (int) (table.size() / ENTRY_SIZE); // the section fits the file, so this fits an int
        List<ElfSymbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i * ENTRY_SIZE;
            long nameOffset = Integer.toUnsignedLong(entries.getInt(at));
            int info = Byte.toUnsignedInt(entries.get(at + 4));
            symbols.add(new ElfSymbol(
                    names.at(nameOffset, "symbol " + i),
                    entries.getLong(at + 8),
                    entries.getLong(at + 16),
                    info & 0xf,
                    info >>> 4,
                    Short.toUnsignedInt(entries.getShort(at + 6))));
        }
        return List.copyOf(symbols);
    }

    private static ElfSection stringTable(List<ElfSection> sections, ElfSection table, String where)
            throws ElfFormatException {
        int link = table.link();
        if (link <= 0 || link >= sections.size()) {
            throw new ElfFormatException(where + ": string table index " + Integer.toUnsignedString(link)
                    + " is out of range (the file has " + sections.size() + " sections)");
        }
        ElfSection strings = sections.get(link);
        if (strings.type() != ElfSection.SHT_STRTAB) {
            throw new ElfFormatException(where + ": linked section [" + link + "] '" + Printable.escape(strings.name())
                    + "' is not a string table");
        }
        return strings;
    }
}
