package io.bpf4j.fuzz;

import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a copy of a corpus input in one of several ways, deterministically for a given
 * {@link Random}: blind byte-level damage (half of it aimed at header fields, where a wrong offset,
 * size or count steers a reader furthest) and structure-aware damage, which rewrites the object
 * through {@link ElfImage} and {@link BtfImage} so that it stays well-formed everywhere but in the
 * one count, reference, size or name it changes — and so reaches the generator, not just the
 * first check of a reader.
 */
public final class Mutator {
    /** The ways an input is damaged. */
    public enum Strategy {
        /** One to eight single-bit flips. */
        BIT_FLIP,
        /** A byte replaced with 0, 0x7f, 0x80 or 0xff. */
        INTERESTING_BYTE,
        /** A field (or any aligned word) replaced with a boundary value of its width. */
        INTERESTING_VALUE,
        /** The input cut short. */
        TRUNCATION,
        /** A header field given the value of another header field, of this or another input. */
        SPLICED_FIELD,
        /** A run of bytes of another input copied over a run of this one. */
        SPLICE,
        /** BTF rewritten with one to three changed counts, references, sizes, kinds or name offsets. */
        BTF_STRUCTURE,
        /** Types, members, variables, parameters or enumerators renamed to hostile names. */
        HOSTILE_NAMES,
        /** Sections or symbols renamed, retyped or moved; the license rewritten. */
        ELF_STRUCTURE,
        /** A structure-aware change, then one to three byte-level ones. */
        STACKED
    }

    private static final byte[] INTERESTING_BYTES = {0, 0x7f, (byte) 0x80, (byte) 0xff};
    private static final long[] INTERESTING_VALUES = {
        0, 1, 2, 8, 12, 24, 64, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L,
        0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2,
    };
    private static final int[] INTERESTING_INTS = {0, 1, 2, 3, 4, 7, 8, 16, 64, 255, 0xffff, 0x10000, 0x7fffffff,
        0x80000000, 0xffffffff, -2};
    /**
     * Names that break naive code generation: Java keywords and contextual keywords, names of
     * {@code Object}'s and the skeleton's own methods, characters that end strings, comments or
     * lines, terminal escapes, direction overrides, non-ASCII and non-UTF-8 bytes, names that
     * differ only in case or in a separator, and one of 70,000 characters.
     */
    private static final List<byte[]> HOSTILE_NAMES = hostileNames();

    private final List<FuzzCorpus.Input> corpus;

    /** A mutator that may splice in bytes and fields of any input of {@code corpus}. */
    public Mutator(List<FuzzCorpus.Input> corpus) {
        this.corpus = corpus;
    }

    /** A damaged copy of {@code input}, made with {@code strategy}. */
    public byte[] mutate(FuzzCorpus.Input input, Strategy strategy, Random random) {
        if (input.bytes().length == 0) {
            return input.bytes().clone();
        }
        return switch (strategy) {
            case BTF_STRUCTURE, HOSTILE_NAMES, ELF_STRUCTURE -> structured(input, strategy, random);
            case STACKED -> {
                Strategy[] structural = {Strategy.BTF_STRUCTURE, Strategy.HOSTILE_NAMES, Strategy.ELF_STRUCTURE};
                byte[] bytes = structured(input, structural[random.nextInt(structural.length)], random);
                int rounds = 1 + random.nextInt(3);
                for (int i = 0; i < rounds; i++) {
                    bytes = blind(bytes, input, Strategy.values()[random.nextInt(Strategy.SPLICE.ordinal() + 1)],
                            random);
                }
                yield bytes;
            }
            default -> blind(Arrays.copyOf(input.bytes(), input.bytes().length), input, strategy, random);
        };
    }

    // ----- byte-level damage -----

    private byte[] blind(byte[] bytes, FuzzCorpus.Input input, Strategy strategy, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (strategy) {
            case BIT_FLIP -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = position(input, bytes.length, random);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case INTERESTING_BYTE -> bytes[position(input, bytes.length, random)] =
                    INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
            case INTERESTING_VALUE -> {
                FuzzCorpus.Field field = field(input, bytes.length, random);
                long value = INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)];
                // Values relative to the input's size hit the off-by-one checks.
                if (random.nextInt(4) == 0) {
                    value = bytes.length + random.nextInt(3) - 1;
                }
                write(buffer, field, value);
            }
            case TRUNCATION -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case SPLICED_FIELD -> {
                FuzzCorpus.Field target = input.fields().get(random.nextInt(input.fields().size()));
                FuzzCorpus.Input donor = corpus.get(random.nextInt(corpus.size()));
                FuzzCorpus.Field source = donor.fields().get(random.nextInt(donor.fields().size()));
                ByteBuffer donorBytes = ByteBuffer.wrap(donor.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                if (fits(target, bytes.length) && fits(source, donor.bytes().length)) {
                    write(buffer, target, read(donorBytes, source));
                }
            }
            case SPLICE -> {
                byte[] donor = corpus.get(random.nextInt(corpus.size())).bytes();
                int length = 1 + random.nextInt(Math.min(256, Math.min(donor.length, bytes.length)));
                int from = random.nextInt(donor.length - length + 1);
                int to = position(input, bytes.length - length + 1, random);
                System.arraycopy(donor, from, bytes, to, length);
            }
            default -> throw new IllegalArgumentException(strategy + " is not a byte-level strategy");
        }
        return bytes;
    }

    /** A byte position below {@code length}: inside a header field half of the time. */
    private static int position(FuzzCorpus.Input input, int length, Random random) {
        if (random.nextBoolean()) {
            FuzzCorpus.Field field = input.fields().get(random.nextInt(input.fields().size()));
            int at = field.offset() + random.nextInt(field.width());
            if (at < length) {
                return at;
            }
        }
        return random.nextInt(length);
    }

    /** A header field, or an aligned word anywhere, that lies inside the input. */
    private static FuzzCorpus.Field field(FuzzCorpus.Input input, int length, Random random) {
        if (random.nextBoolean()) {
            FuzzCorpus.Field field = input.fields().get(random.nextInt(input.fields().size()));
            if (fits(field, length)) {
                return field;
            }
        }
        int width = random.nextBoolean() ? 4 : 8;
        int at = random.nextInt(Math.max(1, length - width + 1)) & -width;
        return new FuzzCorpus.Field(at, Math.min(width, length - at));
    }

    private static boolean fits(FuzzCorpus.Field field, int length) {
        return field.offset() + field.width() <= length;
    }

    private static long read(ByteBuffer buffer, FuzzCorpus.Field field) {
        long value = 0;
        for (int i = field.width() - 1; i >= 0; i--) {
            value = value << 8 | (buffer.get(field.offset() + i) & 0xff);
        }
        return value;
    }

    private static void write(ByteBuffer buffer, FuzzCorpus.Field field, long value) {
        for (int i = 0; i < field.width(); i++) {
            buffer.put(field.offset() + i, (byte) (value >>> (8 * i)));
        }
    }

    // ----- structure-aware damage -----

    /** {@code input} (which parses) rewritten with a structural change. */
    private byte[] structured(FuzzCorpus.Input input, Strategy strategy, Random random) {
        if (input.btfOnly()) {
            if (strategy == Strategy.ELF_STRUCTURE) {
                return blind(input.bytes().clone(), input, Strategy.BIT_FLIP, random);
            }
            BtfImage btf = BtfImage.of(input.bytes());
            mutateBtf(btf, strategy, random);
            return btf.write();
        }
        try {
            ElfImage elf = ElfImage.of(input.bytes());
            if (strategy == Strategy.ELF_STRUCTURE) {
                mutateElf(elf, random);
            } else {
                ElfImage.Section section = elf.section(".BTF");
                BtfImage btf = BtfImage.of(section.contents);
                mutateBtf(btf, strategy, random);
                section.contents = btf.write();
            }
            return elf.write();
        } catch (ElfFormatException e) {
            throw new IllegalStateException("corpus input " + input.name() + " does not parse", e);
        }
    }

    private static void mutateBtf(BtfImage btf, Strategy strategy, Random random) {
        if (btf.types().isEmpty()) {
            btf.add(0, BtfImage.INT, 0, false, 4, 32);
        }
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            BtfImage.Type type = btf.types().get(random.nextInt(btf.types().size()));
            if (strategy == Strategy.HOSTILE_NAMES) {
                rename(btf, type, random);
                continue;
            }
            switch (random.nextInt(7)) {
                case 0 -> count(type, random);
                case 1 -> reference(btf, type, random);
                case 2 -> nameOffset(btf, type, random);
                case 3 -> size(type, random);
                case 4 -> type.words[1] = (type.words[1] & ~(0x1f << 24)) | random.nextInt(32) << 24;
                case 5 -> type.words[1] ^= 1 << 31; // kind_flag: bitfield offsets, signedness, fwd kind
                default -> duplicate(btf, type, random);
            }
        }
    }

    /** A new vlen: claimed without data half of the time, else with entries copied or dropped. */
    private static void count(BtfImage.Type type, Random random) {
        int[] vlens = {0, 1, type.vlen() - 1, type.vlen() + 1, 0xffff, random.nextInt(0x10000)};
        int vlen = vlens[random.nextInt(vlens.length)] & 0xffff;
        int perEntry = entryWords(type);
        if (random.nextBoolean() && perEntry > 0) {
            int present = entries(type);
            vlen = Math.min(vlen, present + 64); // keep the object small
            int[] words = Arrays.copyOf(type.words, 3 + perEntry * vlen);
            for (int e = present; e < vlen && present > 0; e++) {
                System.arraycopy(type.words, 3 + perEntry * random.nextInt(present), words, 3 + perEntry * e,
                        perEntry);
            }
            type.words = words;
        }
        type.setVlen(vlen);
    }

    /** Words per member, parameter, enumerator or variable of the record's kind; 0 for kinds without. */
    private static int entryWords(BtfImage.Type type) {
        boolean counted = switch (type.kind()) {
            case BtfImage.STRUCT, BtfImage.UNION, BtfImage.ENUM, BtfImage.ENUM64, BtfImage.FUNC_PROTO,
                 BtfImage.DATASEC -> true;
            default -> false;
        };
        return counted ? BtfImage.dataWords(type.kind(), 1) : 0;
    }

    /** The entries the record holds, whatever its vlen (which an earlier change may have made a lie). */
    private static int entries(BtfImage.Type type) {
        int perEntry = entryWords(type);
        return perEntry == 0 ? 0 : (type.words.length - 3) / perEntry;
    }

    /** A type id the record holds, pointed elsewhere. */
    private static void reference(BtfImage btf, BtfImage.Type type, Random random) {
        List<Integer> slots = referenceSlots(type);
        if (slots.isEmpty()) {
            return;
        }
        int n = btf.types().size();
        int self = btf.types().indexOf(type) + 1;
        int[] targets = {0, self, 1 + random.nextInt(n), n, n + 1, -1, 0x7fffffff, self - 1, self + 1};
        type.words[slots.get(random.nextInt(slots.size()))] = targets[random.nextInt(targets.length)];
    }

    /** Where the record's type ids are. */
    private static List<Integer> referenceSlots(BtfImage.Type type) {
        List<Integer> slots = new ArrayList<>();
        switch (type.kind()) {
            case BtfImage.PTR, BtfImage.TYPEDEF, BtfImage.VOLATILE, BtfImage.CONST, BtfImage.RESTRICT,
                 BtfImage.FUNC, BtfImage.VAR, BtfImage.DECL_TAG, BtfImage.TYPE_TAG -> slots.add(2);
            case BtfImage.ARRAY -> {
                slots.add(3);
                slots.add(4);
            }
            case BtfImage.STRUCT, BtfImage.UNION -> addEvery(slots, type, 3, 1);
            case BtfImage.FUNC_PROTO -> {
                slots.add(2);
                addEvery(slots, type, 2, 1);
            }
            case BtfImage.DATASEC -> addEvery(slots, type, 3, 0);
            default -> {
            }
        }
        slots.removeIf(slot -> slot >= type.words.length);
        return slots;
    }

    /** Where the record's name offsets are: its own, and its members', parameters' or enumerators'. */
    private static List<Integer> nameSlots(BtfImage.Type type) {
        List<Integer> slots = new ArrayList<>(List.of(0));
        switch (type.kind()) {
            case BtfImage.STRUCT, BtfImage.UNION, BtfImage.ENUM64 -> addEvery(slots, type, 3, 0);
            case BtfImage.ENUM, BtfImage.FUNC_PROTO -> addEvery(slots, type, 2, 0);
            default -> {
            }
        }
        slots.removeIf(slot -> slot >= type.words.length);
        return slots;
    }

    private static void addEvery(List<Integer> slots, BtfImage.Type type, int stride, int at) {
        for (int word = 3 + at; word < type.words.length; word += stride) {
            slots.add(word);
        }
    }

    private static void nameOffset(BtfImage btf, BtfImage.Type type, Random random) {
        List<Integer> slots = nameSlots(type);
        int size = btf.stringsSize();
        int[] offsets = {0, 1 + random.nextInt(Math.max(1, size - 1)), size - 1, size, size + 1, -1, 0x7fffffff};
        type.words[slots.get(random.nextInt(slots.size()))] = offsets[random.nextInt(offsets.length)];
    }

    /** A hostile name for the type or one of its members, parameters or enumerators. */
    private static void rename(BtfImage btf, BtfImage.Type type, Random random) {
        List<Integer> slots = nameSlots(type);
        int slot = slots.get(random.nextInt(slots.size()));
        if (random.nextInt(4) == 0 && slots.size() > 1) {
            // The name of a sibling, or of the type itself: a clash within one scope.
            type.words[slot] = type.words[slots.get(random.nextInt(slots.size()))];
        } else {
            type.words[slot] = btf.string(HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size())));
        }
    }

    /** A size, length, offset, encoding or value of the record set to a boundary value. */
    private static void size(BtfImage.Type type, Random random) {
        int word;
        switch (type.kind()) {
            case BtfImage.INT -> word = random.nextBoolean() ? 2 : 3;
            case BtfImage.ARRAY -> word = 5;
            case BtfImage.STRUCT, BtfImage.UNION, BtfImage.DATASEC -> {
                List<Integer> slots = new ArrayList<>(List.of(2));
                addEvery(slots, type, 3, type.kind() == BtfImage.DATASEC ? 1 : 2);
                if (type.kind() == BtfImage.DATASEC) {
                    addEvery(slots, type, 3, 2);
                }
                slots.removeIf(slot -> slot >= type.words.length);
                word = slots.get(random.nextInt(slots.size()));
            }
            case BtfImage.ENUM, BtfImage.ENUM64 -> {
                List<Integer> slots = new ArrayList<>(List.of(2));
                addEvery(slots, type, type.kind() == BtfImage.ENUM ? 2 : 3, 1);
                slots.removeIf(slot -> slot >= type.words.length);
                word = slots.get(random.nextInt(slots.size()));
            }
            case BtfImage.FLOAT -> word = 2;
            case BtfImage.VAR -> word = 3; // linkage
            default -> {
                return;
            }
        }
        if (word < type.words.length) {
            type.words[word] = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
        }
    }

    /** A copy of the record appended, or one of its entries repeated. */
    private static void duplicate(BtfImage btf, BtfImage.Type type, Random random) {
        int perEntry = entryWords(type);
        int present = entries(type);
        if (present > 0 && present < 0xffff) {
            int[] words = Arrays.copyOf(type.words, 3 + perEntry * (present + 1));
            System.arraycopy(type.words, 3 + perEntry * random.nextInt(present), words, 3 + perEntry * present,
                    perEntry);
            type.words = words;
            type.setVlen(present + 1);
        } else {
            btf.add(type.words[0], type.kind(), type.vlen(), type.words[1] < 0, type.words[2],
                    Arrays.copyOfRange(type.words, 3, type.words.length));
        }
    }

    private static void mutateElf(ElfImage elf, Random random) {
        List<ElfImage.Section> sections = elf.sections();
        ElfImage.Section section = sections.get(1 + random.nextInt(sections.size() - 1));
        switch (random.nextInt(5)) {
            case 0 -> section.name = random.nextBoolean()
                    ? new String(HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size())), StandardCharsets.UTF_8)
                    : SECTION_NAMES[random.nextInt(SECTION_NAMES.length)];
            case 1 -> section.flags ^= 1L << random.nextInt(3); // write, alloc, execute
            case 2 -> symbol(elf, random);
            case 3 -> license(elf, random);
            default -> {
                ElfImage.Section copy = elf.add(section.name, section.type,
                        section.contents == null ? null : section.contents.clone());
                copy.flags = section.flags;
                copy.noBitsSize = section.noBitsSize;
                copy.entsize = section.entsize;
            }
        }
    }

    private static final String[] SECTION_NAMES = {
        ".data", ".data.x", ".rodata", ".rodata.", ".rodata.str1.1", ".bss", ".bss.a.b", ".maps", ".kconfig", ".ksyms",
        "license", "tp/", "tp/a/b", "?tp/syscalls/sys_enter_x", "kprobe/", "uprobe//bin/true:0x1", "usdt/a:b:c",
        "struct_ops/x", "xdp", "xdp.frags", "tc/ingress", "cgroup/connect4", "cgroup/unknown", "fentry/", "iter/x",
        "lsm.s/x", "raw_tp/", "syscall", ".text", ".BTF.ext", ".rel.text", "",
    };

    /** A symbol's name, value, size, type, binding or section changed. */
    private static void symbol(ElfImage elf, Random random) {
        ElfImage.Section symtab = elf.section(".symtab");
        int count = symtab.contents.length / 24;
        if (count < 2) {
            return;
        }
        ByteBuffer entries = ByteBuffer.wrap(symtab.contents).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24 * (1 + random.nextInt(count - 1));
        switch (random.nextInt(5)) {
            case 0 -> {
                ElfImage.Section names = elf.sections().get(symtab.link);
                byte[] name = HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size()));
                byte[] table = Arrays.copyOf(names.contents, names.contents.length + name.length + 1);
                System.arraycopy(name, 0, table, names.contents.length, name.length);
                entries.putInt(at, names.contents.length);
                names.contents = table;
            }
            case 1 -> entries.putLong(at + 8, INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)]);
            case 2 -> entries.putLong(at + 16, INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)]);
            case 3 -> entries.put(at + 4, (byte) random.nextInt(256)); // binding and type
            default -> entries.putShort(at + 6, (short) random.nextInt(elf.sections().size() + 2));
        }
    }

    /** The license rewritten: hostile, unterminated or long. */
    private static void license(ElfImage elf, Random random) {
        for (ElfImage.Section section : elf.sections()) {
            if (section.name.equals("license") && section.contents != null) {
                byte[] name = HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size()));
                section.contents = random.nextBoolean() ? name : Arrays.copyOf(name, name.length + 1);
                return;
            }
        }
    }

    private static List<byte[]> hostileNames() {
        List<byte[]> names = new ArrayList<>();
        for (String name : List.of("class", "int", "record", "var", "yield", "sealed", "permits", "_", "__", "$",
                "a$b", "java", "Object", "String", "List", "Map", "Override", "BpfMap", "LoadedSkeleton", "getClass",
                "hashCode", "toString", "equals", "values", "valueOf", "close", "load", "attach", "open", "maps",
                "programs", "this", "super", "null", "true", "false", "goto", "const", "enum", "assert", "strictfp",
                "_1", "Skel", "__u32", "0abc", "9", "a-b", "a.b", "a b", "a\"b", "a\\b", "a*/b", "/*", "*/", "//",
                "a\nb", "a\rb", "\u001b[2J", "\u202eevil", "\u2028", "é", "日本", "Ünïcode", "A", "a", "AA", "aA",
                "a_b", "aB", "a__b", "%s", "{@code x}", "<b>", "@Deprecated", "\\u0022", "ℕ", "\uD83D\uDE00")) {
            names.add(name.getBytes(StandardCharsets.UTF_8));
        }
        names.add(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        names.add(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}); // a lone surrogate, as "UTF-8"
        names.add(new byte[] {(byte) 0xc2, (byte) 0x85}); // NEL
        names.add("x".repeat(70_000).getBytes(StandardCharsets.US_ASCII));
        return List.copyOf(names);
    }
}
