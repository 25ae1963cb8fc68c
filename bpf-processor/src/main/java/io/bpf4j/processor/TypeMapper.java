package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.btf.CDeclarations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps BTF types to Java types, and collects the records and enums the mapped types need.
 *
 * <p>The rules: {@code s8}→{@code byte}, {@code s16}→{@code short}, {@code s32}→{@code int},
 * {@code s64}→{@code long}; {@code u8}/{@code u16}→{@code int}, {@code u32}/{@code u64}→{@code long}
 * (see {@link ScalarKind}); {@code bool}→{@code boolean}; pointers → {@code long} addresses;
 * enums → the integer of their size and signedness (BTF's), plus a generated Java enum whose
 * {@code of(value)} names a value, empty for a value the enum does not know; {@code char[N]} →
 * {@code String}; arrays of scalars → primitive arrays, multi-dimensional ones → nested primitive
 * arrays ({@code long[][]}); {@code __int128} → {@code BigInteger}; structs and unions → generated
 * types; arrays of structs, unions, texts or 128-bit integers → {@code List}s. Typedefs and qualifiers are looked through.
 *
 * <p>Members: offsets are BTF's, never recomputed, so padding (explicit or not, packed or not) is
 * exactly what clang laid out. A bitfield is held as the Java type of its declared type. An
 * anonymous struct or union member becomes a component {@code anonN} (N counting the anonymous
 * members of its owner from 1) of a generated type {@code OwnerAnonN}. A zero-length (flexible)
 * array member is not part of the fixed layout: it gets no component, and the owner's Javadoc says
 * so. Anything else ({@code long double}, forward-declared types, 128-bit bitfields) is a
 * {@link GenerationException} naming the type, the member and the reason.
 */
final class TypeMapper {
    /**
     * How deep types may nest (a struct in a struct, an array of arrays): the kernel's own BTF
     * limit ({@code MAX_RESOLVE_DEPTH}), so no object the kernel loads is refused, and mapping
     * never recurses deeper.
     */
    static final int MAX_DEPTH = 32;

    private final Btf btf;
    private final CDeclarations c;
    private final ClassName skeleton;
    private final JavaNames.Allocator typeNames;
    private final String objectPath;
    /** Records by struct id, in the order they were first referenced, which is the order emitted. */
    private final Map<Integer, RecordModel> records = new LinkedHashMap<>();
    /** Names handed out to structs whose record is still being built (its members come first). */
    private final Map<Integer, ClassName> pending = new HashMap<>();
    /** Enums by BTF id, in the order they were first referenced. */
    private final Map<Integer, EnumModel> enums = new LinkedHashMap<>();

    /**
     * @param typeNames the skeleton's nested type names, so a record never takes a name the
     *     skeleton uses (such as {@code Maps})
     * @param objectPath the object as the user named it, for messages
     */
    TypeMapper(Btf btf, ClassName skeleton, JavaNames.Allocator typeNames, String objectPath) {
        this.btf = btf;
        this.c = CDeclarations.forReading(btf, SourceText::shown, MAX_DEPTH);
        this.skeleton = skeleton;
        this.typeNames = typeNames;
        this.objectPath = objectPath;
    }

    /** The object as the user named it, for messages. */
    String objectPath() {
        return objectPath;
    }

    /** The C text of the object's types, for Javadoc. */
    CDeclarations c() {
        return c;
    }

    /**
     * The Java type of {@code typeId}.
     *
     * @param use what the type is used for, for messages (e.g. {@code map 'flows' value})
     * @param nameHint the record name to use when the type is an anonymous struct
     */
    JavaType map(int typeId, String use, String nameHint) throws GenerationException {
        try {
            return mapType(typeId, nameHint, 0);
        } catch (Unmappable e) {
            throw new GenerationException(objectPath + ": " + use + " (" + c.typeName(typeId) + "): "
                    + e.getMessage());
        }
    }

    /**
     * {@link #map}, leaving this mapper as it was when the type cannot be mapped, so that a type
     * nothing else needs can be left out without leaving half its records behind.
     */
    JavaType mapOrUndo(int typeId, String use, String nameHint) throws GenerationException {
        Map<Integer, RecordModel> recordsBefore = new LinkedHashMap<>(records);
        Map<Integer, EnumModel> enumsBefore = new LinkedHashMap<>(enums);
        JavaNames.Allocator namesBefore = typeNames.copy();
        try {
            return map(typeId, use, nameHint);
        } catch (GenerationException e) {
            records.clear();
            records.putAll(recordsBefore);
            enums.clear();
            enums.putAll(enumsBefore);
            pending.clear();
            typeNames.restore(namesBefore);
            throw e;
        }
    }

    /** The records of every struct and union mapped so far, each after the first record that used it. */
    List<RecordModel> records() {
        return List.copyOf(records.values());
    }

    /** The enums of every C enum mapped so far, in the order first used. */
    List<EnumModel> enums() {
        return List.copyOf(enums.values());
    }

    private JavaType mapType(int typeId, String nameHint, int depth) throws Unmappable {
        if (depth > MAX_DEPTH) {
            throw new Unmappable("types nest deeper than " + MAX_DEPTH + " levels (structs in structs, arrays of "
                    + "arrays), the most the kernel's BTF checker and the generator take");
        }
        BtfType type = btf.resolve(typeId);
        if (type instanceof BtfType.Int integer) {
            return new JavaType.Scalar(integer(integer));
        } else if (type instanceof BtfType.Enum enumType) {
            return new JavaType.Scalar(enumKind(enumType), enumModel(enumType, typedefName(typeId, nameHint)));
        } else if (type instanceof BtfType.Ptr) {
            return new JavaType.Scalar(ScalarKind.POINTER);
        } else if (type instanceof BtfType.Float floating) {
            return new JavaType.Scalar(floating(floating));
        } else if (type instanceof BtfType.Array array) {
            return array(array, nameHint, depth);
        } else if (type instanceof BtfType.Composite composite) {
            return new JavaType.Struct(record(composite, typedefName(typeId, nameHint), depth));
        } else if (type instanceof BtfType.Fwd fwd) {
            throw new Unmappable(c.typeName(fwd.id()) + " is only declared, not defined, so its layout is unknown");
        } else if (type instanceof BtfType.Void) {
            throw new Unmappable("void has no value to map");
        }
        throw new Unmappable("a BTF " + type.kind() + " has no Java type");
    }

    private static ScalarKind integer(BtfType.Int integer) throws Unmappable {
        if (integer.bitOffset() != 0 || integer.bits() != integer.size() * 8) {
            throw new Unmappable("integers of " + integer.bits() + " bits in " + integer.size()
                    + " bytes are not supported yet");
        }
        if (integer.isBool() && integer.size() == 1) {
            return ScalarKind.BOOL;
        }
        return sized(ScalarKind.integer(integer.size(), integer.signed()), integer);
    }

    private static ScalarKind enumKind(BtfType.Enum enumType) throws Unmappable {
        return sized(ScalarKind.integer(enumType.size(), enumType.signed()), enumType);
    }

    private static ScalarKind sized(ScalarKind kind, BtfType type) throws Unmappable {
        if (kind == null) {
            throw new Unmappable(type.describe() + ": integers of this size are not supported yet");
        }
        return kind;
    }

    private static ScalarKind floating(BtfType.Float floating) throws Unmappable {
        return switch (floating.size()) {
            case 4 -> ScalarKind.F32;
            case 8 -> ScalarKind.F64;
            default -> throw new Unmappable(floating.size() + "-byte floating-point numbers are not supported yet");
        };
    }

    /** The Java enum of a C enum; null for an enum without values (only declared), held raw. */
    private EnumModel enumModel(BtfType.Enum enumType, String nameHint) throws Unmappable {
        if (enumType.values().isEmpty()) {
            return null;
        }
        EnumModel done = enums.get(enumType.id());
        if (done != null) {
            return done;
        }
        limit(enumType.values().size(), ClassFileLimits.MAX_ENUM_CONSTANTS, "values", enumType.id());
        limit(records.size() + enums.size() + 1, ClassFileLimits.MAX_TYPES, "struct, union and enum types",
                enumType.id());
        String javaName = JavaNames.typeName(enumType.name().isEmpty() ? nameHint : enumType.name());
        ClassName className = skeleton.nestedClass(typeNames.allocate(javaName, "Enum"));
        JavaNames.Allocator constantNames = new JavaNames.Allocator();
        EnumGenerator.RESERVED.forEach(constantNames::reserve);
        List<EnumModel.Constant> constants = new ArrayList<>();
        for (BtfType.EnumValue value : enumType.values()) {
            constants.add(new EnumModel.Constant(constantNames.allocate(JavaNames.constantName(value.name()), "_"),
                    value.name(), value.value()));
        }
        EnumModel model = new EnumModel(className, c.typeName(enumType.id()), enumType.size(), enumType.signed(),
                constants);
        enums.put(enumType.id(), model);
        return model;
    }

    private JavaType array(BtfType.Array array, String nameHint, int depth) throws Unmappable {
        if (array.length() == 0) {
            throw new Unmappable("a zero-length (flexible) array has no fixed layout; only a struct's last member "
                    + "may be one");
        }
        BtfType element = btf.resolve(array.elementTypeId());
        if (element instanceof BtfType.Int integer && integer.size() == 1
                && (integer.isChar() || integer.name().equals("char"))) {
            return new JavaType.Text(array.length());
        }
        JavaType elementType = mapType(array.elementTypeId(), nameHint, depth + 1);
        if ((long) elementType.size() * array.length() > Integer.MAX_VALUE) {
            throw new Unmappable("an array of " + array.length() + " elements of " + elementType.size()
                    + " bytes is larger than 2 GiB, more than a Java buffer holds");
        }
        if (elementType instanceof JavaType.Scalar scalar && !scalar.kind().isWide()) {
            return new JavaType.PrimitiveArray(scalar.kind(), array.length());
        } else if (elementType instanceof JavaType.PrimitiveArray || elementType instanceof JavaType.NestedArray) {
            return new JavaType.NestedArray(elementType, array.length());
        }
        return new JavaType.ObjectArray(elementType, array.length());
    }

    private RecordModel record(BtfType.Composite composite, String nameHint, int depth) throws Unmappable {
        RecordModel done = records.get(composite.id());
        if (done != null) {
            return done;
        }
        if (pending.containsKey(composite.id())) {
            // BTF validation rules out a struct containing itself by value; this is only a guard.
            throw new Unmappable(c.typeName(composite.id()) + " contains itself");
        }
        limit(composite.members().size(), ClassFileLimits.MAX_MEMBERS, "members", composite.id());
        limit(records.size() + enums.size() + 1, ClassFileLimits.MAX_TYPES, "struct, union and enum types",
                composite.id());
        String javaName = JavaNames.typeName(composite.name().isEmpty() ? nameHint : composite.name());
        ClassName className = skeleton.nestedClass(typeNames.allocate(javaName,
                composite.union() ? "Union" : "Struct"));
        pending.put(composite.id(), className);
        // Reserve the record's place before its members map, so a struct precedes the ones it holds.
        records.put(composite.id(), null);
        List<BtfType.Member> members = new ArrayList<>();
        List<String> flexible = new ArrayList<>();
        for (BtfType.Member member : composite.members()) {
            if (btf.resolve(member.typeId()) instanceof BtfType.Array array && array.length() == 0) {
                flexible.add(c.declaration(member.typeId(), member.name()));
            } else {
                members.add(member);
            }
        }
        List<RecordModel.Field> fields = fields(composite, members, className, composite.union(), depth);
        if (!composite.union() && RecordModel.tooManyForARecord(fields)) {
            // Held as bytes, like a union: its accessors must keep clear of the names that type uses.
            fields = fields(composite, members, className, true, depth);
        }
        RecordModel model = new RecordModel(className, c.typeName(composite.id()), c.definition(composite),
                composite.size(), composite.union(), fields, flexible.isEmpty() ? null : String.join("; ", flexible));
        pending.remove(composite.id());
        records.put(composite.id(), model);
        return model;
    }

    /**
     * The fields of {@code members}, named in order; {@code heldAsBytes} keeps the names
     * {@link BytesRecordGenerator} uses out of them.
     */
    private List<RecordModel.Field> fields(BtfType.Composite owner, List<BtfType.Member> members,
            ClassName ownerClass, boolean heldAsBytes, int depth) throws Unmappable {
        JavaNames.Allocator fieldNames = new JavaNames.Allocator();
        if (heldAsBytes) {
            BytesRecordGenerator.RESERVED.forEach(fieldNames::reserve);
        }
        List<RecordModel.Field> fields = new ArrayList<>();
        int anonymous = 0;
        for (BtfType.Member member : members) {
            String javaField = member.name().isEmpty()
                    ? fieldNames.allocate("anon" + ++anonymous, "_")
                    : fieldNames.allocate(JavaNames.memberName(member.name()), "_");
            fields.add(field(owner, member, ownerClass, javaField, depth));
        }
        return fields;
    }

    private RecordModel.Field field(BtfType.Composite owner, BtfType.Member member, ClassName ownerClass,
            String javaName, int depth) throws Unmappable {
        String where = c.typeName(owner.id()) + ", member '" + SourceText.shown(member.name()) + "'";
        String hint = ownerClass.simpleName() + JavaNames.typeName(javaName);
        int width = bitfieldWidth(member);
        // Without kind_flag, BTF places a bitfield through its INT type's own bit offset.
        long bitOffset = member.bitOffset()
                + (!member.isBitfield() && btf.resolve(member.typeId()) instanceof BtfType.Int integer
                        ? integer.bitOffset() : 0);
        int offset = (int) (bitOffset / 8);
        JavaType type;
        if (width != 0) {
            type = bitfield(member, where, (int) (bitOffset % 8), width, hint);
        } else if (bitOffset % 8 != 0) {
            throw new Unmappable(where + ": members that do not start on a byte are not supported yet");
        } else {
            try {
                type = mapType(member.typeId(), hint, depth + 1);
            } catch (Unmappable e) {
                throw new Unmappable(where + " (" + c.typeName(member.typeId()) + "): " + e.getMessage());
            }
        }
        if ((long) offset + type.size() > owner.size()) {
            throw new Unmappable(where + ": lies outside the type's " + owner.size() + " bytes");
        }
        String declaration = c.declaration(member.typeId(), member.name()) + (width != 0 ? " : " + width : "");
        return new RecordModel.Field(javaName, member.name(), declaration, offset, type);
    }

    /**
     * The width of a bitfield member, 0 for a member that is none: from the member itself (BTF's
     * kind_flag encoding), or from an INT type narrower than its storage (the older encoding).
     */
    private int bitfieldWidth(BtfType.Member member) {
        if (member.isBitfield()) {
            return member.bitfieldSize();
        }
        if (btf.resolve(member.typeId()) instanceof BtfType.Int integer
                && (integer.bitOffset() != 0 || integer.bits() != integer.size() * 8)) {
            return integer.bits();
        }
        return 0;
    }

    private JavaType bitfield(BtfType.Member member, String where, int shift, int width, String hint)
            throws Unmappable {
        EnumModel enumType = btf.resolve(member.typeId()) instanceof BtfType.Enum enumBase
                ? enumModel(enumBase, typedefName(member.typeId(), hint))
                : null;
        return new JavaType.Bits(bitfieldKind(member, width, where), shift, width, enumType);
    }

    /** The Java type of a bitfield: that of its declared integer, enum or bool type. */
    private ScalarKind bitfieldKind(BtfType.Member member, int width, String where) throws Unmappable {
        BtfType base = btf.resolve(member.typeId());
        ScalarKind kind;
        if (base instanceof BtfType.Int integer) {
            kind = integer.isBool() ? ScalarKind.BOOL : ScalarKind.integer(integer.size(), integer.signed());
        } else if (base instanceof BtfType.Enum enumType) {
            kind = ScalarKind.integer(enumType.size(), enumType.signed());
        } else {
            throw new Unmappable(where + ": a bitfield of " + c.typeName(member.typeId()) + " is not an integer");
        }
        if (kind == null || kind.isWide() || width > 64) {
            throw new Unmappable(where + ": bitfields of " + c.typeName(member.typeId()) + " are not supported");
        }
        return kind;
    }

    /**
     * The name to give an anonymous struct: the typedef that names it ({@code typedef struct {…}
     * stats_t} gives {@code StatsT}), else {@code nameHint}.
     */
    private String typedefName(int typeId, String nameHint) {
        String name = null;
        for (BtfType type = btf.type(typeId); ; type = btf.type(next(type))) {
            if (type instanceof BtfType.Typedef typedef) {
                name = typedef.name();
            } else if (!(type instanceof BtfType.Qualifier)) {
                break;
            }
        }
        return name != null ? JavaNames.typeName(name) : nameHint;
    }

    private static int next(BtfType type) {
        return type instanceof BtfType.Typedef typedef ? typedef.typeId() : ((BtfType.Qualifier) type).typeId();
    }

    /** Refuses a type that has more of something than {@link ClassFileLimits} allows. */
    private void limit(int count, int limit, String what, int typeId) throws Unmappable {
        try {
            ClassFileLimits.check(count, limit, what, c.typeName(typeId));
        } catch (GenerationException e) {
            throw new Unmappable(e.getMessage());
        }
    }

    /** A type the generator cannot map; the message grows a "where" prefix on the way out. */
    private static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String message) {
            super(message);
        }
    }
}
