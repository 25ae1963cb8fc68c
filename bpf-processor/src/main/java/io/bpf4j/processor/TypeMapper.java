package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.btf.value.CTypeNames;
import io.bpf4j.btf.value.UnsupportedTypeException;
import io.bpf4j.btf.value.ValueType;
import io.bpf4j.btf.value.ValueTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps BTF types to Java types, and collects the records and enums the mapped types need.
 *
 * <p>What a BTF type is as a value — its scalar kind, bitfields, text, arrays, members at their
 * offsets, flexible array members, and every type refused with its message — is decided by
 * bpf-api's {@link ValueTypes}, the rules the runtime {@code BtfCodec} follows too; this class
 * only gives that {@link ValueType} its Java form. Scalars are the Java types of their
 * {@link io.bpf4j.btf.value.ScalarKind} ({@code s8}→{@code byte}, {@code u8}/{@code u16}→{@code int},
 * {@code u32}/{@code u64}→{@code long}, {@code __int128}→{@code BigInteger}, pointers →
 * {@code long} addresses); enums → the integer of their size and signedness, plus a generated
 * Java enum whose {@code of(value)} names a value, empty for a value the enum does not know;
 * {@code char[N]} → {@code String}; arrays of scalars → primitive arrays, multi-dimensional ones →
 * nested primitive arrays ({@code long[][]}); structs and unions → generated types; arrays of
 * structs, unions, texts or 128-bit integers → {@code List}s.
 *
 * <p>Names: a struct's record is named after the C type, or, when it is anonymous, after the
 * typedef naming it or the place it is used. An anonymous struct or union member becomes a
 * component {@code anonN} (N counting the anonymous members of its owner from 1) of a generated
 * type {@code OwnerAnonN}. A zero-length (flexible) array member gets no component, and the
 * owner's Javadoc says so. Types more than a class file holds ({@link ClassFileLimits}) are
 * refused here, each a {@link GenerationException} naming the type, the member and the reason.
 */
final class TypeMapper {
    /** How deep types may nest: bpf-api's {@link ValueTypes#MAX_DEPTH}, the kernel's own BTF limit. */
    static final int MAX_DEPTH = ValueTypes.MAX_DEPTH;

    private final ValueTypes values;
    private final CTypeNames c;
    private final Btf btf;
    private final ClassName skeleton;
    private final JavaNames.Allocator typeNames;
    private final String objectPath;
    /** Records by struct id, in the order they were first referenced, which is the order emitted. */
    private final Map<Integer, RecordModel> records = new LinkedHashMap<>();
    /** Enums by BTF id, in the order they were first referenced. */
    private final Map<Integer, EnumModel> enums = new LinkedHashMap<>();

    /**
     * @param typeNames the skeleton's nested type names, so a record never takes a name the
     *     skeleton uses (such as {@code Maps})
     * @param objectPath the object as the user named it, for messages
     */
    TypeMapper(Btf btf, ClassName skeleton, JavaNames.Allocator typeNames, String objectPath) {
        this.values = new ValueTypes(btf);
        this.c = values.names();
        this.btf = btf;
        this.skeleton = skeleton;
        this.typeNames = typeNames;
        this.objectPath = objectPath;
    }

    /** The object as the user named it, for messages. */
    String objectPath() {
        return objectPath;
    }

    /** The C text of the object's types, for Javadoc. */
    CTypeNames c() {
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
            return javaType(values.type(typeId), typeId, nameHint);
        } catch (UnsupportedTypeException | Unmappable e) {
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

    /**
     * The Java form of {@code type}, the value type of {@code typeId} (which may name it through
     * typedefs: the name of an anonymous struct comes from them).
     */
    private JavaType javaType(ValueType type, int typeId, String nameHint) throws Unmappable {
        if (type instanceof ValueType.Scalar scalar) {
            return new JavaType.Scalar(ScalarKind.of(scalar.kind()));
        } else if (type instanceof ValueType.Enumerated enumerated) {
            return new JavaType.Scalar(ScalarKind.of(enumerated.kind()),
                    enumModel(enumerated.btfType(), typedefName(typeId, nameHint)));
        } else if (type instanceof ValueType.Text text) {
            return new JavaType.Text(text.length());
        } else if (type instanceof ValueType.Array array) {
            return array(array, nameHint);
        } else if (type instanceof ValueType.Composite composite) {
            return new JavaType.Struct(record(composite, typedefName(typeId, nameHint)));
        }
        // Bitfields are members only: fields() maps them.
        throw new AssertionError(type);
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

    private JavaType array(ValueType.Array array, String nameHint) throws Unmappable {
        JavaType elementType = javaType(array.element(), array.elementTypeId(), nameHint);
        if (elementType instanceof JavaType.Scalar scalar && !scalar.kind().isWide()) {
            return new JavaType.PrimitiveArray(scalar.kind(), array.length());
        } else if (elementType instanceof JavaType.PrimitiveArray || elementType instanceof JavaType.NestedArray) {
            return new JavaType.NestedArray(elementType, array.length());
        }
        return new JavaType.ObjectArray(elementType, array.length());
    }

    private RecordModel record(ValueType.Composite type, String nameHint) throws Unmappable {
        BtfType.Composite composite = type.btfType();
        RecordModel done = records.get(composite.id());
        if (done != null) {
            return done;
        }
        limit(composite.members().size(), ClassFileLimits.MAX_MEMBERS, "members", composite.id());
        limit(records.size() + enums.size() + 1, ClassFileLimits.MAX_TYPES, "struct, union and enum types",
                composite.id());
        String javaName = JavaNames.typeName(composite.name().isEmpty() ? nameHint : composite.name());
        ClassName className = skeleton.nestedClass(typeNames.allocate(javaName,
                composite.union() ? "Union" : "Struct"));
        // Reserve the record's place before its members map, so a struct precedes the ones it holds.
        records.put(composite.id(), null);
        List<String> flexible = new ArrayList<>();
        for (BtfType.Member member : type.flexibleMembers()) {
            flexible.add(c.declaration(member.typeId(), member.name()));
        }
        List<RecordModel.Field> fields = fields(type, className, composite.union());
        if (!composite.union() && RecordModel.tooManyForARecord(fields)) {
            // Held as bytes, like a union: its accessors must keep clear of the names that type uses.
            fields = fields(type, className, true);
        }
        RecordModel model = new RecordModel(type, className, c.typeName(composite.id()), c.definition(composite),
                composite.size(), composite.union(), fields, flexible.isEmpty() ? null : String.join("; ", flexible));
        records.put(composite.id(), model);
        return model;
    }

    /**
     * The fields of {@code owner}'s members, named in order; {@code heldAsBytes} keeps the names
     * {@link BytesRecordGenerator} uses out of them.
     */
    private List<RecordModel.Field> fields(ValueType.Composite owner, ClassName ownerClass, boolean heldAsBytes)
            throws Unmappable {
        JavaNames.Allocator fieldNames = new JavaNames.Allocator();
        if (heldAsBytes) {
            BytesRecordGenerator.RESERVED.forEach(fieldNames::reserve);
        }
        List<RecordModel.Field> fields = new ArrayList<>();
        int anonymous = 0;
        for (ValueType.Field field : owner.fields()) {
            String javaField = field.anonymous()
                    ? fieldNames.allocate("anon" + ++anonymous, "_")
                    : fieldNames.allocate(JavaNames.memberName(field.name()), "_");
            fields.add(field(owner.btfType(), field, ownerClass, javaField));
        }
        return fields;
    }

    private RecordModel.Field field(BtfType.Composite owner, ValueType.Field field, ClassName ownerClass,
            String javaName) throws Unmappable {
        BtfType.Member member = field.member();
        String hint = ownerClass.simpleName() + JavaNames.typeName(javaName);
        JavaType type;
        int width = 0;
        if (field.type() instanceof ValueType.BitField bits) {
            width = bits.bits();
            EnumModel enumType = bits.enumType() == null
                    ? null
                    : enumModel(bits.enumType().btfType(), typedefName(member.typeId(), hint));
            type = new JavaType.Bits(ScalarKind.of(bits.kind()), bits.shift(), bits.bits(), enumType);
        } else {
            try {
                type = javaType(field.type(), member.typeId(), hint);
            } catch (Unmappable e) {
                throw new Unmappable(values.inMemberType(owner, member, e.getMessage()));
            }
        }
        String declaration = c.declaration(member.typeId(), member.name()) + (width != 0 ? " : " + width : "");
        return new RecordModel.Field(javaName, member.name(), declaration, field.offset(), type);
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

    /** A type more than a class file holds; the message grows a "where" prefix on the way out. */
    private static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String message) {
            super(message);
        }
    }
}
