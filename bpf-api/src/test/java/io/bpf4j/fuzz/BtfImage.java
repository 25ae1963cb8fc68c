package io.bpf4j.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A BTF blob taken apart into raw type records and its string section, so tests can rewrite it
 * the way a hostile compiler could: patch counts, ids and name offsets, append types and names,
 * then write the blob again. Records are kept as 32-bit words (the common three, then the
 * kind-specific data), so any value can be written, valid or not.
 *
 * <p>This walks the record layout on its own, independently of the reader under test.
 */
public final class BtfImage {
    // Kinds, as BTF numbers them.
    public static final int INT = 1;
    public static final int PTR = 2;
    public static final int ARRAY = 3;
    public static final int STRUCT = 4;
    public static final int UNION = 5;
    public static final int ENUM = 6;
    public static final int FWD = 7;
    public static final int TYPEDEF = 8;
    public static final int VOLATILE = 9;
    public static final int CONST = 10;
    public static final int RESTRICT = 11;
    public static final int FUNC = 12;
    public static final int FUNC_PROTO = 13;
    public static final int VAR = 14;
    public static final int DATASEC = 15;
    public static final int FLOAT = 16;
    public static final int DECL_TAG = 17;
    public static final int TYPE_TAG = 18;
    public static final int ENUM64 = 19;

    private static final int HEADER_SIZE = 24;

    /** One type record: {@code words[0]} name offset, {@code [1]} info, {@code [2]} size or type, then data. */
    public static final class Type {
        public int[] words;

        Type(int[] words) {
            this.words = words;
        }

        public int kind() {
            return (words[1] >>> 24) & 0x1f;
        }

        public int vlen() {
            return words[1] & 0xffff;
        }

        /** Sets vlen without resizing the data: the record then claims more (or less) than it has. */
        public void setVlen(int vlen) {
            words[1] = (words[1] & 0xffff0000) | (vlen & 0xffff);
        }

        public int nameOffset() {
            return words[0];
        }
    }

    private final List<Type> types = new ArrayList<>();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();

    private BtfImage() {
    }

    /** An empty blob: no types, and the string section holding only "". */
    public static BtfImage empty() {
        BtfImage image = new BtfImage();
        image.strings.write(0);
        return image;
    }

    /** Takes a well-formed little-endian BTF blob apart. */
    public static BtfImage of(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = buffer.getInt(4);
        int typeStart = headerLength + buffer.getInt(8);
        int typeLength = buffer.getInt(12);
        int stringStart = headerLength + buffer.getInt(16);
        int stringLength = buffer.getInt(20);
        BtfImage image = new BtfImage();
        image.strings.write(blob, stringStart, stringLength);
        int at = typeStart;
        while (at < typeStart + typeLength) {
            int info = buffer.getInt(at + 4);
            int words = 3 + dataWords((info >>> 24) & 0x1f, info & 0xffff);
            int[] record = new int[words];
            for (int i = 0; i < words; i++) {
                record[i] = buffer.getInt(at + 4 * i);
            }
            image.types.add(new Type(record));
            at += 4 * words;
        }
        return image;
    }

    /** Number of 32-bit words of kind-specific data after the common fields. */
    public static int dataWords(int kind, int vlen) {
        return switch (kind) {
            case INT, VAR, DECL_TAG -> 1;
            case ARRAY -> 3;
            case STRUCT, UNION, DATASEC, ENUM64 -> 3 * vlen;
            case ENUM, FUNC_PROTO -> 2 * vlen;
            default -> 0;
        };
    }

    /** The records; index {@code i} is type id {@code i + 1}. Edit them in place. */
    public List<Type> types() {
        return types;
    }

    /** The type with id {@code id} (1-based, as BTF numbers them). */
    public Type type(int id) {
        return types.get(id - 1);
    }

    /** Size of the string section so far. */
    public int stringsSize() {
        return strings.size();
    }

    /** Appends {@code name} (NUL added) to the string section; returns its offset. */
    public int string(String name) {
        return string(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends raw name bytes (NUL added) to the string section; returns their offset. */
    public int string(byte[] name) {
        int offset = strings.size();
        strings.writeBytes(name);
        strings.write(0);
        return offset;
    }

    /** The NUL-terminated name at {@code offset}, decoded as UTF-8 ("?" when out of range). */
    public String nameAt(int offset) {
        byte[] bytes = strings.toByteArray();
        if (offset < 0 || offset >= bytes.length) {
            return "?";
        }
        int end = offset;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Appends a record and returns its type id. */
    public int add(int nameOffset, int kind, int vlen, boolean kindFlag, int sizeOrType, int... data) {
        int[] words = new int[3 + data.length];
        words[0] = nameOffset;
        words[1] = (kindFlag ? 1 << 31 : 0) | kind << 24 | (vlen & 0xffff);
        words[2] = sizeOrType;
        System.arraycopy(data, 0, words, 3, data.length);
        types.add(new Type(words));
        return types.size();
    }

    /** Appends a struct (or union) whose members are {@code (name offset, type, bit offset)} triples. */
    public int composite(int nameOffset, boolean union, int size, int[] members) {
        return add(nameOffset, union ? UNION : STRUCT, members.length / 3, false, size, members);
    }

    /** The blob: a 24-byte header, the types, then the strings. */
    public byte[] write() {
        int typeWords = types.stream().mapToInt(type -> type.words.length).sum();
        byte[] stringBytes = strings.toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(HEADER_SIZE + 4 * typeWords + stringBytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        blob.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(HEADER_SIZE)
                .putInt(0).putInt(4 * typeWords).putInt(4 * typeWords).putInt(stringBytes.length);
        for (Type type : types) {
            for (int word : type.words) {
                blob.putInt(word);
            }
        }
        blob.put(stringBytes);
        return blob.array();
    }

    /** A copy of this image. */
    public BtfImage copy() {
        BtfImage copy = new BtfImage();
        for (Type type : types) {
            copy.types.add(new Type(Arrays.copyOf(type.words, type.words.length)));
        }
        copy.strings.writeBytes(strings.toByteArray());
        return copy;
    }
}
