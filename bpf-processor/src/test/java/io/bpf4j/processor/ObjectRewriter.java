package io.bpf4j.processor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crafts hostile objects from real ones: takes a {@code .bpf.o} clang built and rewrites its
 * names and counts in the bytes, the way an attacker would, leaving everything else as clang
 * wrote it.
 *
 * <p>BTF is decoded into its type records and written back whole: names are redirected to new
 * strings appended to the string section (existing offsets stay valid, so {@code .BTF.ext}
 * still refers to the right strings), types can be edited and appended. ELF symbol and section
 * names are renamed the same way, in copies of {@code .strtab} and {@code .shstrtab}. The new
 * sections are appended at the end of the file and their headers pointed there. Little-endian
 * ELF64 only, as clang writes BPF objects on x86-64 and arm64.
 */
final class ObjectRewriter {
    private static final int SHT_SYMTAB = 2;
    private static final int BTF_HEADER = 24;

    /** BTF kinds, by the number the format gives them. */
    static final int INT = 1;
    static final int PTR = 2;
    static final int ARRAY = 3;
    static final int STRUCT = 4;
    static final int UNION = 5;
    static final int ENUM = 6;
    static final int TYPEDEF = 8;
    static final int FUNC_PROTO = 13;
    static final int VAR = 14;
    static final int DATASEC = 15;
    static final int ENUM64 = 19;

    private final byte[] elf;
    private final ByteBuffer file;
    private final List<Type> types = new ArrayList<>();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new HashMap<>();
    private final List<Renaming> elfRenamings = new ArrayList<>();
    private final int btfIndex;
    private final byte[] btfHeader;
    private final Map<String, byte[]> sectionData = new HashMap<>();
    private byte[] stringCache;

    /** One BTF type record: the three common words and the kind-specific ones. */
    static final class Type {
        int nameOffset;
        int info;
        int sizeOrType;
        int[] data;

        Type(int nameOffset, int info, int sizeOrType, int[] data) {
            this.nameOffset = nameOffset;
            this.info = info;
            this.sizeOrType = sizeOrType;
            this.data = data;
        }

        int kind() {
            return (info >>> 24) & 0x1f;
        }

        int vlen() {
            return info & 0xffff;
        }

        void setVlen(int vlen) {
            info = (info & ~0xffff) | vlen;
        }
    }

    private record Renaming(String from, String to) {}

    private ObjectRewriter(byte[] elf) {
        this.elf = elf.clone();
        this.file = ByteBuffer.wrap(this.elf).order(ByteOrder.LITTLE_ENDIAN);
        this.btfIndex = sectionIndex(".BTF");
        int offset = (int) sectionOffset(btfIndex);
        ByteBuffer btf = file.slice(offset, (int) sectionSize(btfIndex)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = btf.getInt(4);
        this.btfHeader = new byte[BTF_HEADER];
        btf.get(0, btfHeader);
        int typeStart = headerLength + btf.getInt(8);
        int typeLength = btf.getInt(12);
        int stringStart = headerLength + btf.getInt(16);
        int stringLength = btf.getInt(20);
        byte[] oldStrings = new byte[stringLength];
        btf.get(stringStart, oldStrings);
        strings.writeBytes(oldStrings);
        types.add(null); // void, id 0
        for (int at = typeStart; at < typeStart + typeLength; ) {
            int info = btf.getInt(at + 4);
            Type type = new Type(btf.getInt(at), info, btf.getInt(at + 8), null);
            int words = dataWords(type.kind(), type.vlen());
            type.data = new int[words];
            for (int i = 0; i < words; i++) {
                type.data[i] = btf.getInt(at + 12 + 4 * i);
            }
            types.add(type);
            at += 12 + 4 * words;
        }
    }

    /** A rewriter of (a copy of) {@code elf}. */
    static ObjectRewriter of(byte[] elf) {
        return new ObjectRewriter(elf);
    }

    private static int dataWords(int kind, int vlen) {
        return switch (kind) {
            case INT, VAR, 17 -> 1; // 17: DECL_TAG
            case ARRAY -> 3;
            case STRUCT, UNION, DATASEC, ENUM64 -> 3 * vlen;
            case ENUM, FUNC_PROTO -> 2 * vlen;
            default -> 0;
        };
    }

    /** The offset of {@code text} in the string section, appending it when it is not there yet. */
    int string(String text) {
        Integer known = stringOffsets.get(text);
        if (known != null) {
            return known;
        }
        int offset = strings.size();
        strings.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        strings.write(0);
        stringOffsets.put(text, offset);
        return offset;
    }

    private String stringAt(int offset) {
        if (stringCache == null || stringCache.length != strings.size()) {
            stringCache = strings.toByteArray();
        }
        byte[] all = stringCache;
        int end = offset;
        while (all[end] != 0) {
            end++;
        }
        return new String(all, offset, end - offset, StandardCharsets.UTF_8);
    }

    /**
     * Renames {@code from} to {@code to} everywhere a name is: BTF types, members, enum values,
     * parameters, variables and data sections; ELF symbols; ELF section names.
     */
    ObjectRewriter rename(String from, String to) {
        int replacement = string(to);
        for (Type type : types) {
            if (type == null) {
                continue;
            }
            if (type.nameOffset != 0 && stringAt(type.nameOffset).equals(from)) {
                type.nameOffset = replacement;
            }
            int stride = switch (type.kind()) {
                case STRUCT, UNION, ENUM64 -> 3;
                case ENUM, FUNC_PROTO -> 2;
                default -> 0;
            };
            for (int i = 0; stride != 0 && i < type.data.length; i += stride) {
                if (type.data[i] != 0 && stringAt(type.data[i]).equals(from)) {
                    type.data[i] = replacement;
                }
            }
        }
        elfRenamings.add(new Renaming(from, to));
        return this;
    }

    /** The id of the type of {@code kind} named {@code name}. */
    int typeId(int kind, String name) {
        for (int id = 1; id < types.size(); id++) {
            Type type = types.get(id);
            if (type.kind() == kind && stringAt(type.nameOffset).equals(name)) {
                return id;
            }
        }
        throw new IllegalArgumentException("no type of kind " + kind + " named " + name);
    }

    /** The type record {@code id}, to edit in place. */
    Type type(int id) {
        return types.get(id);
    }

    /** Appends a type record; returns its id. */
    int append(int kind, String name, int vlen, int sizeOrType, int... data) {
        types.add(new Type(name.isEmpty() ? 0 : string(name), (kind << 24) | vlen, sizeOrType, data));
        return types.size() - 1;
    }

    /** Points every pointer to type {@code fromId} at type {@code toId} instead. */
    ObjectRewriter retargetPointers(int fromId, int toId) {
        for (Type type : types) {
            if (type != null && type.kind() == PTR && type.sizeOrType == fromId) {
                type.sizeOrType = toId;
            }
        }
        return this;
    }

    /** The type of member {@code member} of struct {@code structId}. */
    int memberType(int structId, String member) {
        Type struct = types.get(structId);
        for (int i = 0; i < struct.data.length; i += 3) {
            if (stringAt(struct.data[i]).equals(member)) {
                return struct.data[i + 1];
            }
        }
        throw new IllegalArgumentException("no member " + member);
    }

    /** Points member {@code member} of struct {@code structId} at type {@code typeId}. */
    ObjectRewriter setMemberType(int structId, String member, int typeId) {
        Type struct = types.get(structId);
        for (int i = 0; i < struct.data.length; i += 3) {
            if (stringAt(struct.data[i]).equals(member)) {
                struct.data[i + 1] = typeId;
                return this;
            }
        }
        throw new IllegalArgumentException("no member " + member);
    }

    /**
     * Gives struct {@code structId} {@code count} more members named {@code prefix0, prefix1, …},
     * each of type {@code typeId} and {@code size} bytes, laid out after the last one; the struct
     * grows to hold them.
     */
    ObjectRewriter addMembers(int structId, String prefix, int count, int typeId, int size) {
        Type struct = types.get(structId);
        int[] data = Arrays.copyOf(struct.data, struct.data.length + 3 * count);
        int offset = struct.sizeOrType;
        for (int i = 0; i < count; i++) {
            int at = struct.data.length + 3 * i;
            data[at] = string(prefix + i);
            data[at + 1] = typeId;
            data[at + 2] = (offset + i * size) * 8;
        }
        struct.data = data;
        struct.setVlen(struct.vlen() + count);
        struct.sizeOrType = offset + count * size;
        return this;
    }

    /** Gives enum {@code enumId} {@code count} more values named {@code prefix0, prefix1, …}. */
    ObjectRewriter addEnumValues(int enumId, String prefix, int count) {
        Type type = types.get(enumId);
        int[] data = Arrays.copyOf(type.data, type.data.length + 2 * count);
        for (int i = 0; i < count; i++) {
            data[type.data.length + 2 * i] = string(prefix + i);
            data[type.data.length + 2 * i + 1] = 1000 + i;
        }
        type.data = data;
        type.setVlen(type.vlen() + count);
        return this;
    }

    /** Replaces the contents of section {@code name} (e.g. {@code license}) with {@code contents}. */
    ObjectRewriter setSection(String name, byte[] contents) {
        sectionIndex(name);
        sectionData.put(name, contents.clone());
        return this;
    }

    /** The rewritten object. */
    byte[] bytes() {
        nameFields.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(elf);
        byte[] btf = btf();
        long btfAt = append(out, btf);
        Map<Integer, long[]> replaced = new HashMap<>();
        sectionData.forEach((name, contents) ->
                replaced.put(sectionIndex(name), new long[] {append(out, contents), contents.length}));
        ByteBuffer result = null;
        long[] strtab = null;
        long[] shstrtab = null;
        if (!elfRenamings.isEmpty()) {
            int symtab = sectionOfType(SHT_SYMTAB);
            int strtabIndex = file.getInt((int) header(symtab) + 40);
            int shstrndx = Short.toUnsignedInt(file.getShort(0x3e));
            // clang writes one .strtab for both symbol and section names.
            List<long[]> symbolNames = symbolNameOffsets(symtab, strtabIndex);
            if (strtabIndex == shstrndx) {
                symbolNames.addAll(sectionNameOffsets());
            }
            byte[] newStrtab = renamedStrings(strtabIndex, symbolNames);
            strtab = new long[] {strtabIndex, append(out, newStrtab), newStrtab.length};
            if (strtabIndex != shstrndx) {
                byte[] newShstrtab = renamedStrings(shstrndx, sectionNameOffsets());
                shstrtab = new long[] {shstrndx, append(out, newShstrtab), newShstrtab.length};
            }
        }
        result = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        setSection(result, btfIndex, btfAt, btf.length);
        for (Map.Entry<Integer, long[]> section : replaced.entrySet()) {
            setSection(result, section.getKey(), section.getValue()[0], section.getValue()[1]);
        }
        if (strtab != null) {
            setSection(result, (int) strtab[0], strtab[1], strtab[2]);
            if (shstrtab != null) {
                setSection(result, (int) shstrtab[0], shstrtab[1], shstrtab[2]);
            }
            applyNameOffsets(result);
        }
        return result.array();
    }

    private byte[] btf() {
        ByteArrayOutputStream typeBytes = new ByteArrayOutputStream();
        ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        for (Type type : types) {
            if (type == null) {
                continue;
            }
            for (int value : concat(type)) {
                typeBytes.writeBytes(word.putInt(0, value).array());
            }
        }
        byte[] typeSection = typeBytes.toByteArray();
        byte[] stringSection = strings.toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(BTF_HEADER + typeSection.length + stringSection.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        blob.put(0, btfHeader);
        blob.putInt(4, BTF_HEADER);
        blob.putInt(8, 0);
        blob.putInt(12, typeSection.length);
        blob.putInt(16, typeSection.length);
        blob.putInt(20, stringSection.length);
        blob.put(BTF_HEADER, typeSection);
        blob.put(BTF_HEADER + typeSection.length, stringSection);
        return blob.array();
    }

    private static int[] concat(Type type) {
        int[] all = new int[3 + type.data.length];
        all[0] = type.nameOffset;
        all[1] = type.info;
        all[2] = type.sizeOrType;
        System.arraycopy(type.data, 0, all, 3, type.data.length);
        return all;
    }

    // ELF: offsets of the name fields to redirect, filled while the new string tables are built.
    private final List<long[]> nameFields = new ArrayList<>();

    private List<long[]> symbolNameOffsets(int symtab, int strtab) {
        List<long[]> fields = new ArrayList<>();
        long at = sectionOffset(symtab);
        long end = at + sectionSize(symtab);
        for (; at < end; at += 24) {
            fields.add(new long[] {at, Integer.toUnsignedLong(file.getInt((int) at))});
        }
        return fields;
    }

    private List<long[]> sectionNameOffsets() {
        List<long[]> fields = new ArrayList<>();
        for (int i = 0; i < sectionCount(); i++) {
            long at = header(i);
            fields.add(new long[] {at, Integer.toUnsignedLong(file.getInt((int) at))});
        }
        return fields;
    }

    /** A copy of string table {@code index} with the renamed names appended; records the fields to redirect. */
    private byte[] renamedStrings(int index, List<long[]> fields) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        byte[] old = new byte[(int) sectionSize(index)];
        file.get((int) sectionOffset(index), old);
        table.writeBytes(old);
        Map<String, Integer> added = new HashMap<>();
        for (long[] field : fields) {
            String name = cString(old, (int) field[1]);
            for (Renaming renaming : elfRenamings) {
                if (name.equals(renaming.from())) {
                    int offset = added.computeIfAbsent(renaming.to(), to -> {
                        int at = table.size();
                        table.writeBytes(to.getBytes(StandardCharsets.UTF_8));
                        table.write(0);
                        return at;
                    });
                    nameFields.add(new long[] {field[0], offset});
                }
            }
        }
        return table.toByteArray();
    }

    private void applyNameOffsets(ByteBuffer result) {
        for (long[] field : nameFields) {
            result.putInt((int) field[0], (int) field[1]);
        }
    }

    private static String cString(byte[] table, int offset) {
        int end = offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long append(ByteArrayOutputStream out, byte[] bytes) {
        while (out.size() % 8 != 0) {
            out.write(0);
        }
        long at = out.size();
        out.writeBytes(bytes);
        return at;
    }

    private static void setSection(ByteBuffer result, int index, long offset, long size) {
        long header = result.getLong(0x28) + (long) index * Short.toUnsignedInt(result.getShort(0x3a));
        result.putLong((int) header + 24, offset);
        result.putLong((int) header + 32, size);
    }

    private int sectionCount() {
        return Short.toUnsignedInt(file.getShort(0x3c));
    }

    private long header(int index) {
        return file.getLong(0x28) + (long) index * Short.toUnsignedInt(file.getShort(0x3a));
    }

    private long sectionOffset(int index) {
        return file.getLong((int) header(index) + 24);
    }

    private long sectionSize(int index) {
        return file.getLong((int) header(index) + 32);
    }

    private int sectionOfType(int type) {
        for (int i = 0; i < sectionCount(); i++) {
            if (file.getInt((int) header(i) + 4) == type) {
                return i;
            }
        }
        throw new IllegalArgumentException("no section of type " + type);
    }

    private int sectionIndex(String name) {
        int shstrndx = Short.toUnsignedInt(file.getShort(0x3e));
        byte[] names = new byte[(int) sectionSize(shstrndx)];
        file.get((int) sectionOffset(shstrndx), names);
        for (int i = 0; i < sectionCount(); i++) {
            if (cString(names, file.getInt((int) header(i))).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }
}
