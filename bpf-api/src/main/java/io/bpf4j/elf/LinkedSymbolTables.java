package io.bpf4j.elf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the symbol tables of a linked file: the full {@code .symtab} when the file was not
 * stripped, and the dynamic {@code .dynsym} that every shared object keeps. Both are read because
 * a stripped library still names its exported functions in {@code .dynsym}.
 */
final class LinkedSymbolTables {
    static final int SHT_DYNSYM = 11;
    private static final int ENTRY_SIZE = 24;

    private LinkedSymbolTables() {
    }

    /** Every symbol of every symbol table of {@code file}, table by table, in table order. */
    static List<ElfSymbol> read(ByteBuffer file, List<ElfSection> sections) throws ElfFormatException {
        List<ElfSymbol> symbols = new ArrayList<>();
        for (ElfSection table : sections) {
            if (table.type() == ElfSection.SHT_SYMTAB || table.type() == SHT_DYNSYM) {
                decode(file, sections, table, symbols);
            }
        }
        return List.copyOf(symbols);
    }

    private static void decode(ByteBuffer file, List<ElfSection> sections, ElfSection table, List<ElfSymbol> into)
            throws ElfFormatException {
        String where = "symbol table [" + table.index() + "] '" + Printable.escape(table.name()) + "'";
        if (table.entsize() != ENTRY_SIZE || table.size() % ENTRY_SIZE != 0) {
            throw new ElfFormatException(where + ": entry size " + table.entsize() + " and size "
                    + table.size() + " do not describe " + ENTRY_SIZE + "-byte ELF64 symbols");
        }
        int link = table.link();
        if (link <= 0 || link >= sections.size() || sections.get(link).type() != ElfSection.SHT_STRTAB) {
            throw new ElfFormatException(where + ": linked section " + Integer.toUnsignedString(link)
                    + " is not a string table");
        }
        ElfStringTable names = new ElfStringTable(ElfFile.slice(file, sections.get(link)), sections.get(link).name());
        ByteBuffer entries = ElfFile.slice(file, table);
        int count = (int) (table.size() / ENTRY_SIZE); // the section lies inside the file, so this fits an int
        for (int i = 1; i < count; i++) { // entry 0 is the null symbol
            int at = i * ENTRY_SIZE;
            int info = Byte.toUnsignedInt(entries.get(at + 4));
            into.add(new ElfSymbol(
                    names.at(Integer.toUnsignedLong(entries.getInt(at)),
                            Printable.escape(table.name()) + " symbol " + i),
                    entries.getLong(at + 8),
                    entries.getLong(at + 16),
                    info & 0xf,
                    info >>> 4,
                    Short.toUnsignedInt(entries.getShort(at + 6))));
        }
    }
}
