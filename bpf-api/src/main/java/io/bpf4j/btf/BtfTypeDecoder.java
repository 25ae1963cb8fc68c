package io.bpf4j.btf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the BTF type section into {@link BtfType} records, checking that every record and its
 * kind-specific data lie inside the section. References between types are checked afterwards by
 * {@link BtfTypeGraph}.
 */
final class BtfTypeDecoder {
    private static final int COMMON_SIZE = 12;

    private final ByteBuffer section;
    private final BtfStrings strings;

    private BtfTypeDecoder(ByteBuffer section, BtfStrings strings) {
        this.section = section;
        this.strings = strings;
    }

    /** Decodes every type of {@code section}; the result holds {@code void} at index 0. */
    static List<BtfType> decode(ByteBuffer section, BtfStrings strings) throws BtfFormatException {
        return new BtfTypeDecoder(section, strings).decodeAll();
    }

    /** The fields every type record starts with, and where its kind-specific data begins. */
    private record Common(int id, String name, BtfKind kind, int vlen, boolean kindFlag, int sizeOrType,
                          int dataAt) {
        String where() {
            return "type [" + id + "] " + kind + (name.isEmpty() ? "" : " '" + Printable.escape(name) + "'");
        }
    }

    private List<BtfType> decodeAll() throws BtfFormatException {
        // Records are at least 12 bytes: sized once, so growing the list never copies it.
        List<BtfType> types = new ArrayList<>(1 + section.limit() / COMMON_SIZE);
        types.add(new BtfType.Void(0));
        int position = 0;
        while (position < section.limit()) {
            Common common = readCommon(types.size(), position);
            int dataSize = dataSize(common);
            if (dataSize > section.limit() - common.dataAt()) {
                throw new BtfFormatException(common.where() + ": its " + dataSize
                        + " bytes of data extend past the end of the type section (offset "
                        + common.dataAt() + ", section length " + section.limit() + ")");
            }
            types.add(decodeBody(common));
            position = common.dataAt() + dataSize;
        }
        return types;
    }

    private Common readCommon(int id, int position) throws BtfFormatException {
        if (section.limit() - position < COMMON_SIZE) {
            throw new BtfFormatException("type [" + id + "]: truncated record at offset " + position
                    + " of the type section (" + (section.limit() - position) + " bytes left, need "
                    + COMMON_SIZE + ")");
        }
        int info = section.getInt(position + 4);
        int rawKind = (info >>> 24) & 0x1f;
        BtfKind kind;
        try {
            kind = BtfKind.of(rawKind);
        } catch (IllegalArgumentException e) {
            throw new BtfFormatException("type [" + id + "]: " + e.getMessage());
        }
        if (kind == BtfKind.VOID) {
            throw new BtfFormatException("type [" + id + "]: kind 0 (void) cannot be encoded in the type section");
        }
        String name = strings.at(section.getInt(position), id);
        return new Common(id, name, kind, info & 0xffff, info < 0, section.getInt(position + 8),
                position + COMMON_SIZE);
    }

    /** Size of the kind-specific data that follows the common fields. */
    private static int dataSize(Common common) {
        int vlen = common.vlen();
        return switch (common.kind()) {
            case INT, VAR, DECL_TAG -> 4;
            case ARRAY -> 12;
            case STRUCT, UNION, DATASEC, ENUM64 -> vlen * 12;
            case ENUM, FUNC_PROTO -> vlen * 8;
            default -> 0;
        };
    }

    private BtfType decodeBody(Common c) throws BtfFormatException {
        return switch (c.kind()) {
            case INT -> decodeInt(c);
            case PTR -> new BtfType.Ptr(c.id(), c.sizeOrType());
            case ARRAY -> decodeArray(c);
            case STRUCT, UNION -> decodeComposite(c);
            case ENUM, ENUM64 -> decodeEnum(c);
            case FWD -> new BtfType.Fwd(c.id(), c.name(), c.kindFlag());
            case TYPEDEF -> new BtfType.Typedef(c.id(), c.name(), c.sizeOrType());
            case VOLATILE, CONST, RESTRICT, TYPE_TAG -> new BtfType.Qualifier(c.id(), c.kind(), c.sizeOrType(),
                    c.kind() == BtfKind.TYPE_TAG ? c.name() : "");
            case FUNC -> new BtfType.Func(c.id(), c.name(), c.sizeOrType(), c.vlen());
            case FUNC_PROTO -> decodeFuncProto(c);
            case VAR -> new BtfType.Var(c.id(), c.name(), c.sizeOrType(), section.getInt(c.dataAt()));
            case DATASEC -> decodeDataSec(c);
            case FLOAT -> new BtfType.Float(c.id(), c.name(), size(c));
            case DECL_TAG -> new BtfType.DeclTag(c.id(), c.name(), c.sizeOrType(), section.getInt(c.dataAt()));
            case VOID -> throw new IllegalStateException("void is rejected by readCommon");
        };
    }

    private BtfType decodeInt(Common c) throws BtfFormatException {
        int data = section.getInt(c.dataAt());
        int encoding = (data >>> 24) & 0x0f;
        return new BtfType.Int(c.id(), c.name(), size(c), (data >>> 16) & 0xff, data & 0xff,
                (encoding & 1) != 0, (encoding & 2) != 0, (encoding & 4) != 0);
    }

    private BtfType decodeArray(Common c) throws BtfFormatException {
        int at = c.dataAt();
        int length = section.getInt(at + 8);
        if (length < 0) {
            throw new BtfFormatException(c.where() + ": length " + Integer.toUnsignedString(length)
                    + " is too large (at most " + Integer.MAX_VALUE + " elements are supported)");
        }
        return new BtfType.Array(c.id(), section.getInt(at), section.getInt(at + 4), length);
    }

    private BtfType decodeComposite(Common c) throws BtfFormatException {
        List<BtfType.Member> members = new ArrayList<>(c.vlen());
        for (int i = 0; i < c.vlen(); i++) {
            int at = c.dataAt() + i * 12;
            int offset = section.getInt(at + 8);
            // With kind_flag set, the offset packs a bitfield width above a 24-bit bit offset.
            long bitOffset = c.kindFlag() ? offset & 0xffffff : Integer.toUnsignedLong(offset);
            int bitfieldSize = c.kindFlag() ? offset >>> 24 : 0;
            members.add(new BtfType.Member(strings.at(section.getInt(at), c.id()), section.getInt(at + 4),
                    bitOffset, bitfieldSize));
        }
        return new BtfType.Composite(c.id(), c.name(), size(c), c.kind() == BtfKind.UNION, members);
    }

    private BtfType decodeEnum(Common c) throws BtfFormatException {
        boolean wide = c.kind() == BtfKind.ENUM64;
        boolean signed = c.kindFlag();
        List<BtfType.EnumValue> values = new ArrayList<>(c.vlen());
        for (int i = 0; i < c.vlen(); i++) {
            int at = c.dataAt() + i * (wide ? 12 : 8);
            int low = section.getInt(at + 4);
            long value;
            if (wide) {
                value = ((long) section.getInt(at + 8) << 32) | Integer.toUnsignedLong(low);
            } else {
                value = signed ? low : Integer.toUnsignedLong(low);
            }
            values.add(new BtfType.EnumValue(strings.at(section.getInt(at), c.id()), value));
        }
        return new BtfType.Enum(c.id(), c.name(), size(c), signed, values);
    }

    private BtfType decodeFuncProto(Common c) throws BtfFormatException {
        List<BtfType.Param> params = new ArrayList<>(c.vlen());
        for (int i = 0; i < c.vlen(); i++) {
            int at = c.dataAt() + i * 8;
            params.add(new BtfType.Param(strings.at(section.getInt(at), c.id()), section.getInt(at + 4)));
        }
        return new BtfType.FuncProto(c.id(), c.sizeOrType(), params);
    }

    private BtfType decodeDataSec(Common c) throws BtfFormatException {
        List<BtfType.VarSecInfo> vars = new ArrayList<>(c.vlen());
        for (int i = 0; i < c.vlen(); i++) {
            int at = c.dataAt() + i * 12;
            int offset = section.getInt(at + 4);
            int size = section.getInt(at + 8);
            if (offset < 0 || size < 0) {
                throw new BtfFormatException(c.where() + ": variable " + i + " has offset "
                        + Integer.toUnsignedString(offset) + " and size " + Integer.toUnsignedString(size)
                        + ", too large for a data section");
            }
            vars.add(new BtfType.VarSecInfo(section.getInt(at), offset, size));
        }
        return new BtfType.DataSec(c.id(), c.name(), size(c), vars);
    }

    private static int size(Common c) throws BtfFormatException {
        if (c.sizeOrType() < 0) {
            throw new BtfFormatException(c.where() + ": size " + Integer.toUnsignedString(c.sizeOrType())
                    + " is too large");
        }
        return c.sizeOrType();
    }
}
