package io.bpf4j.fuzz;

import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Objects crafted to make the readers spend as much memory or time per input byte as the format
 * allows: a real object (the bpf-api fixture) grown with as many as fit in a size of types,
 * members, names, symbols, sections, maps or variables, each the densest encoding of its kind. A
 * reader bounded by its input must parse or reject each within a fixed multiple of its size.
 */
public final class HostileObjects {
    /** What an object is crafted to multiply. */
    public enum Shape {
        /** 12-byte pointer records, each a type the reader must hold and lay out. */
        MANY_TYPES,
        /** Structs of 65,535 members, each with a name of its own. */
        WIDE_STRUCTS,
        /** Enums of 65,535 enumerators of 8 bytes each, each with a name of its own. */
        MANY_ENUMERATORS,
        /** Prototypes of 65,535 parameters of 8 bytes each. */
        MANY_PARAMETERS,
        /** Types naming every tail of one long string: decoding cost quadratic without a bound. */
        OVERLAPPING_NAMES,
        /** Names of bytes that are not UTF-8, which decode to two-byte characters. */
        INVALID_UTF8_NAMES,
        /** Section headers with names of their own (more than 65,280: extended numbering). */
        MANY_SECTIONS,
        /** Symbols with names of their own, all in one data section. */
        MANY_SYMBOLS,
        /** One map definition declared by a {@code .maps} entry of 12 bytes, again and again. */
        MANY_MAPS,
        /** One variable listed by a {@code .rodata} entry of 12 bytes, again and again. */
        MANY_VARIABLES,
        /** Data section records of one ELF section, each fixed up from the ELF file. */
        MANY_DATA_SECTIONS,
        /** A typedef chain far deeper than the reader follows. */
        DEEP_CHAIN,
        /** Anonymous structs each holding two of the one before. */
        SHARED_ANONYMOUS,
    }

    private static final String BASE = "/fixture.bpf.o";
    private static final int INT = 9; // __u32 in the fixture; any sized type does

    private HostileObjects() {
    }

    /** The fixture object, grown to about {@code size} bytes of {@code shape}. */
    public static byte[] build(Shape shape, int size) {
        try {
            ElfImage elf = ElfImage.of(base());
            BtfImage btf = BtfImage.of(elf.section(".BTF").contents);
            int budget = size - base().length;
            switch (shape) {
                case MANY_TYPES -> {
                    for (int i = 0; i < budget / 12; i++) {
                        btf.add(0, BtfImage.PTR, 0, false, INT);
                    }
                }
                case WIDE_STRUCTS -> {
                    while (budget > 0) {
                        int members = Math.min(0xffff, Math.max(1, budget / 16));
                        int[] data = new int[3 * members];
                        for (int m = 0; m < members; m++) {
                            data[3 * m] = btf.string(Integer.toString(m, 36));
                            data[3 * m + 1] = INT;
                            data[3 * m + 2] = 32 * m;
                        }
                        btf.composite(0, false, 4 * members, data);
                        budget -= 12 + 16 * members;
                    }
                }
                case MANY_ENUMERATORS, MANY_PARAMETERS -> {
                    boolean enumerators = shape == Shape.MANY_ENUMERATORS;
                    while (budget > 0) {
                        int entries = Math.min(0xffff, Math.max(1, budget / 12));
                        int[] data = new int[2 * entries];
                        for (int e = 0; e < entries; e++) {
                            data[2 * e] = btf.string(Integer.toString(e, 36));
                            data[2 * e + 1] = enumerators ? e : INT;
                        }
                        if (enumerators) {
                            btf.add(0, BtfImage.ENUM, entries, false, 4, data);
                        } else {
                            btf.add(0, BtfImage.FUNC_PROTO, entries, false, INT, data);
                        }
                        budget -= 12 + 12 * entries;
                    }
                }
                case OVERLAPPING_NAMES -> {
                    int length = budget / 2;
                    int name = btf.string("a".repeat(length));
                    for (int i = 0; i < (budget - length) / 12; i++) {
                        btf.add(name + i % length, BtfImage.TYPEDEF, 0, false, INT);
                    }
                }
                case INVALID_UTF8_NAMES -> {
                    byte[] name = new byte[8];
                    for (int i = 0; i < budget / (12 + name.length + 1); i++) {
                        Arrays.fill(name, (byte) 0xff);
                        ByteBuffer.wrap(name).order(ByteOrder.LITTLE_ENDIAN).putInt(i | 0x80808080);
                        btf.add(btf.string(name), BtfImage.TYPEDEF, 0, false, INT);
                    }
                }
                case MANY_SECTIONS -> {
                    for (int i = 0; i < budget / (64 + 5); i++) {
                        elf.add(Integer.toString(i, 36), ElfSection.SHT_PROGBITS, new byte[0]);
                    }
                }
                case MANY_SYMBOLS -> addSymbols(elf, budget);
                case MANY_MAPS -> growDataSec(btf, ".maps", budget);
                case MANY_VARIABLES -> growDataSec(btf, ".rodata", budget);
                case MANY_DATA_SECTIONS -> {
                    int data = btf.string(".data");
                    for (int i = 0; i < budget / 24; i++) {
                        btf.add(data, BtfImage.DATASEC, 1, false, 0, varOf(btf, ".data"), 0, 8);
                    }
                }
                case DEEP_CHAIN -> {
                    int previous = INT;
                    for (int i = 0; i < budget / 12; i++) {
                        previous = btf.add(0, BtfImage.TYPEDEF, 0, false, previous);
                    }
                }
                case SHARED_ANONYMOUS -> {
                    int previous = INT;
                    int a = btf.string("a");
                    int b = btf.string("b");
                    for (int i = 0; i < budget / 36; i++) {
                        previous = btf.composite(0, false, 8, new int[] {a, previous, 0, b, previous, 0});
                    }
                }
            }
            elf.section(".BTF").contents = btf.write();
            return elf.write();
        } catch (ElfFormatException e) {
            throw new IllegalStateException("the fixture does not parse", e);
        }
    }

    /** Appends {@code .maps} or {@code .rodata} entries that all list that section's first variable. */
    private static void growDataSec(BtfImage btf, String name, int budget) {
        for (BtfImage.Type type : btf.types()) {
            if (type.kind() == BtfImage.DATASEC && btf.nameAt(type.nameOffset()).equals(name)) {
                int[] first = Arrays.copyOfRange(type.words, 3, 6);
                int entries = Math.min(0xffff, budget / 12);
                int[] words = Arrays.copyOf(type.words, 3 + 3 * entries);
                for (int i = 0; i < entries; i++) {
                    System.arraycopy(first, 0, words, 3 + 3 * i, 3);
                }
                type.words = words;
                type.setVlen(entries);
                return;
            }
        }
        throw new IllegalStateException("the fixture has no data section " + name);
    }

    /** The first variable of data section {@code name}. */
    private static int varOf(BtfImage btf, String name) {
        for (BtfImage.Type type : btf.types()) {
            if (type.kind() == BtfImage.DATASEC && btf.nameAt(type.nameOffset()).equals(name)) {
                return type.words[3];
            }
        }
        throw new IllegalStateException("the fixture has no data section " + name);
    }

    /** Appends global symbols in {@code .data}, each with a short name of its own. */
    private static void addSymbols(ElfImage elf, int budget) {
        ElfImage.Section symtab = elf.section(".symtab");
        ElfImage.Section strtab = elf.sections().get(symtab.link);
        int data = elf.indexOf(".data");
        int count = budget / (24 + 5);
        ByteBuffer symbols = ByteBuffer.allocate(symtab.contents.length + 24 * count).order(ByteOrder.LITTLE_ENDIAN);
        symbols.put(symtab.contents);
        StringBuilder names = new StringBuilder();
        int base = strtab.contents.length;
        for (int i = 0; i < count; i++) {
            String name = Integer.toString(i, 36);
            symbols.putInt(base + names.length());
            names.append(name).append('\0');
            symbols.put((byte) (1 << 4 | 1)); // global object
            symbols.put((byte) 0);
            symbols.putShort((short) data);
            symbols.putLong(0);
            symbols.putLong(0);
        }
        symtab.contents = symbols.array();
        byte[] added = names.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] table = Arrays.copyOf(strtab.contents, base + added.length);
        System.arraycopy(added, 0, table, base, added.length);
        strtab.contents = table;
    }

    /** The fixture's bytes. */
    public static byte[] base() {
        try (InputStream in = HostileObjects.class.getResourceAsStream(BASE)) {
            if (in == null) {
                throw new IllegalStateException(BASE + " is missing: the build compiles it from src/test/bpf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
