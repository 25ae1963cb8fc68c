package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps BTF types to Java types, and collects the records the mapped structs need.
 *
 * <p>The rules: {@code s8}→{@code byte}, {@code s16}→{@code short}, {@code s32}→{@code int},
 * {@code s64}→{@code long}; {@code u8}/{@code u16}→{@code int}, {@code u32}/{@code u64}→{@code long}
 * (see {@link ScalarKind}); {@code bool}→{@code boolean}; enums → the signed integer of their size;
 * pointers → {@code long}; {@code char[N]} → {@code String}; other arrays of scalars → primitive
 * arrays; structs → records; arrays of structs → {@code List}s of records. Typedefs and qualifiers
 * are looked through. Offsets are BTF's member offsets, never recomputed, so padding is exactly
 * what clang laid out. Anything else (unions, bitfields, multi-dimensional or flexible arrays,
 * 128-bit integers) is a {@link GenerationException} naming the type, the member and the reason.
 */
final class TypeMapper {
    private final Btf btf;
    private final CDeclarations c;
    private final ClassName skeleton;
    private final JavaNames.Allocator typeNames;
    private final String objectPath;
    /** Records by struct id, in the order they were first referenced, which is the order emitted. */
    private final Map<Integer, RecordModel> records = new LinkedHashMap<>();
    /** Names handed out to structs whose record is still being built (its members come first). */
    private final Map<Integer, ClassName> pending = new HashMap<>();

    /**
     * @param typeNames the skeleton's nested type names, so a record never takes a name the
     *     skeleton uses (such as {@code Maps})
     * @param objectPath the object as the user named it, for messages
     */
    TypeMapper(Btf btf, ClassName skeleton, JavaNames.Allocator typeNames, String objectPath) {
        this.btf = btf;
        this.c = new CDeclarations(btf);
        this.skeleton = skeleton;
        this.typeNames = typeNames;
        this.objectPath = objectPath;
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
            return mapType(typeId, nameHint);
        } catch (Unmappable e) {
            throw new GenerationException(objectPath + ": " + use + " (" + c.typeName(typeId) + "): "
                    + e.getMessage());
        }
    }

    /** The records of every struct mapped so far, each after the first record that used it. */
    List<RecordModel> records() {
        return List.copyOf(records.values());
    }

    private JavaType mapType(int typeId, String nameHint) throws Unmappable {
        BtfType type = btf.resolve(typeId);
        if (type instanceof BtfType.Int integer) {
            return new JavaType.Scalar(integer(integer));
        } else if (type instanceof BtfType.Enum enumType) {
            return new JavaType.Scalar(sized(ScalarKind.integer(enumType.size(), true), type));
        } else if (type instanceof BtfType.Ptr) {
            return new JavaType.Scalar(ScalarKind.POINTER);
        } else if (type instanceof BtfType.Float floating) {
            return new JavaType.Scalar(floating(floating));
        } else if (type instanceof BtfType.Array array) {
            return array(array, nameHint);
        } else if (type instanceof BtfType.Composite composite) {
            return new JavaType.Struct(record(composite, typedefName(typeId, nameHint)));
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

    private JavaType array(BtfType.Array array, String nameHint) throws Unmappable {
        if (array.length() == 0) {
            throw new Unmappable("flexible array members (length 0) are not supported yet");
        }
        BtfType element = btf.resolve(array.elementTypeId());
        if (element instanceof BtfType.Int integer && integer.size() == 1
                && (integer.isChar() || integer.name().equals("char"))) {
            return new JavaType.Text(array.length());
        } else if (element instanceof BtfType.Array) {
            throw new Unmappable("multi-dimensional arrays are not supported yet");
        } else if (element instanceof BtfType.Composite composite && !composite.union()) {
            return new JavaType.StructArray(record(composite, typedefName(array.elementTypeId(), nameHint)),
                    array.length());
        }
        JavaType elementType = mapType(array.elementTypeId(), nameHint);
        if (elementType instanceof JavaType.Scalar scalar) {
            return new JavaType.PrimitiveArray(scalar.kind(), array.length());
        }
        throw new Unmappable("arrays of " + c.typeName(array.elementTypeId()) + " are not supported yet");
    }

    private RecordModel record(BtfType.Composite composite, String nameHint) throws Unmappable {
        if (composite.union()) {
            throw new Unmappable("unions are not supported yet");
        }
        RecordModel done = records.get(composite.id());
        if (done != null) {
            return done;
        }
        if (pending.containsKey(composite.id())) {
            // BTF validation rules out a struct containing itself by value; this is only a guard.
            throw new Unmappable(c.typeName(composite.id()) + " contains itself");
        }
        String javaName = composite.name().isEmpty() ? nameHint : JavaNames.typeName(composite.name());
        ClassName className = skeleton.nestedClass(typeNames.allocate(javaName, "Struct"));
        pending.put(composite.id(), className);
        // Reserve the record's place before its members map, so a struct precedes the ones it holds.
        records.put(composite.id(), null);
        List<RecordModel.Field> fields = new ArrayList<>();
        JavaNames.Allocator fieldNames = new JavaNames.Allocator();
        for (BtfType.Member member : composite.members()) {
            fields.add(field(composite, member, className, fieldNames));
        }
        RecordModel model = new RecordModel(className, c.typeName(composite.id()), c.definition(composite),
                composite.size(), fields);
        pending.remove(composite.id());
        records.put(composite.id(), model);
        return model;
    }

    private RecordModel.Field field(BtfType.Composite owner, BtfType.Member member, ClassName ownerClass,
            JavaNames.Allocator fieldNames) throws Unmappable {
        String where = c.typeName(owner.id()) + ", member '" + member.name() + "'";
        if (member.name().isEmpty()) {
            throw new Unmappable(c.typeName(owner.id()) + ": anonymous struct and union members are not supported yet");
        }
        if (member.isBitfield()) {
            throw new Unmappable(where + ": bitfields are not supported yet");
        }
        if (member.bitOffset() % 8 != 0) {
            throw new Unmappable(where + ": members that do not start on a byte are not supported yet");
        }
        JavaType type;
        try {
            type = mapType(member.typeId(), ownerClass.simpleName() + JavaNames.typeName(member.name()));
        } catch (Unmappable e) {
            throw new Unmappable(where + " (" + c.typeName(member.typeId()) + "): " + e.getMessage());
        }
        int offset = (int) (member.bitOffset() / 8);
        if (offset + type.size() > owner.size()) {
            throw new Unmappable(where + ": lies outside the struct's " + owner.size() + " bytes");
        }
        return new RecordModel.Field(fieldNames.allocate(JavaNames.memberName(member.name()), "_"),
                c.declaration(member.typeId(), member.name()), offset, type);
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

    /** A type the generator cannot map; the message grows a "where" prefix on the way out. */
    private static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String message) {
            super(message);
        }
    }
}
