package io.bpf4j.btf;

import io.bpf4j.text.Printable;
import java.util.List;
import java.util.Objects;

/**
 * One BTF type. Each kind is a record below; ids refer to other types of the same {@link Btf},
 * with id 0 meaning {@code void}. Names are "" for anonymous types.
 */
public sealed interface BtfType {
    /** Linkage of a {@link Var} or {@link Func} visible only inside the object. */
    int LINKAGE_STATIC = 0;
    /** Linkage of a {@link Var} or {@link Func} defined here and visible outside. */
    int LINKAGE_GLOBAL = 1;
    /** Linkage of a {@link Var} or {@link Func} declared here but defined elsewhere. */
    int LINKAGE_EXTERN = 2;

    /** This type's id: its position in {@link Btf#types()}. */
    int id();

    /** The type's name, "" when it is anonymous or its kind carries no name. */
    String name();

    /** The kind of this type. */
    BtfKind kind();

    /** A short description for messages, such as {@code [8] STRUCT 'event'} or {@code [3] PTR}. */
    default String describe() {
        return "[" + id() + "] " + kind() + (name().isEmpty() ? "" : " '" + Printable.escape(name()) + "'");
    }

    /** The {@code void} type; only ever id 0. */
    record Void(int id) implements BtfType {
        @Override
        public String name() {
            return "";
        }

        @Override
        public BtfKind kind() {
            return BtfKind.VOID;
        }
    }

    /**
     * An integer type.
     *
     * @param size size in bytes
     * @param bitOffset bit offset of the value inside the storage (0 in practice)
     * @param bits number of value bits
     * @param signed whether the encoding is signed
     * @param isChar whether it is a C {@code char}
     * @param isBool whether it is a C {@code _Bool}
     */
    record Int(int id, String name, int size, int bitOffset, int bits, boolean signed, boolean isChar,
               boolean isBool) implements BtfType {
        /** Checks the name is present. */
        public Int {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.INT;
        }
    }

    /** A pointer to {@code targetId} (0 for {@code void *}). */
    record Ptr(int id, int targetId) implements BtfType {
        @Override
        public String name() {
            return "";
        }

        @Override
        public BtfKind kind() {
            return BtfKind.PTR;
        }
    }

    /** An array of {@code length} elements of {@code elementTypeId}. */
    record Array(int id, int elementTypeId, int indexTypeId, int length) implements BtfType {
        @Override
        public String name() {
            return "";
        }

        @Override
        public BtfKind kind() {
            return BtfKind.ARRAY;
        }
    }

    /**
     * A struct or union.
     *
     * @param size size in bytes
     * @param union whether it is a union (kind {@link BtfKind#UNION}) rather than a struct
     * @param members the members in declaration order
     */
    record Composite(int id, String name, int size, boolean union, List<Member> members) implements BtfType {
        /** Copies the members. */
        public Composite {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
        }

        @Override
        public BtfKind kind() {
            return union ? BtfKind.UNION : BtfKind.STRUCT;
        }
    }

    /**
     * An enum. Its kind is {@link BtfKind#ENUM64} when it is 8 bytes wide (as clang encodes
     * 64-bit enums), else {@link BtfKind#ENUM}.
     *
     * @param size size in bytes
     * @param signed whether the values are signed
     * @param values the enumerators in declaration order
     */
    record Enum(int id, String name, int size, boolean signed, List<EnumValue> values) implements BtfType {
        /** Copies the values. */
        public Enum {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }

        @Override
        public BtfKind kind() {
            return size == 8 ? BtfKind.ENUM64 : BtfKind.ENUM;
        }
    }

    /** A forward declaration of a struct, or of a union when {@code union} is set. */
    record Fwd(int id, String name, boolean union) implements BtfType {
        /** Checks the name is present. */
        public Fwd {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.FWD;
        }
    }

    /** A typedef naming {@code typeId}. */
    record Typedef(int id, String name, int typeId) implements BtfType {
        /** Checks the name is present. */
        public Typedef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.TYPEDEF;
        }
    }

    /**
     * A qualifier of {@code typeId}: {@code volatile}, {@code const}, {@code restrict} or a type
     * tag. Only type tags have a name (the tag, such as {@code user}).
     */
    record Qualifier(int id, BtfKind kind, int typeId, String name) implements BtfType {
        /** Checks the kind is a qualifier kind. */
        public Qualifier {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            if (!kind.isQualifier()) {
                throw new IllegalArgumentException(kind + " is not a qualifier kind");
            }
        }

        /** A qualifier without a name: {@code volatile}, {@code const} or {@code restrict}. */
        public Qualifier(int id, BtfKind kind, int typeId) {
            this(id, kind, typeId, "");
        }
    }

    /**
     * A function.
     *
     * @param typeId its {@link FuncProto}
     * @param linkage one of the {@code LINKAGE_*} constants
     */
    record Func(int id, String name, int typeId, int linkage) implements BtfType {
        /** Checks the name is present. */
        public Func {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.FUNC;
        }
    }

    /** A function signature; a last parameter with type 0 and no name means "...". */
    record FuncProto(int id, int returnTypeId, List<Param> params) implements BtfType {
        /** Copies the parameters. */
        public FuncProto {
            params = List.copyOf(params);
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public BtfKind kind() {
            return BtfKind.FUNC_PROTO;
        }
    }

    /**
     * A variable.
     *
     * @param typeId the variable's type, qualifiers included
     * @param linkage one of the {@code LINKAGE_*} constants
     */
    record Var(int id, String name, int typeId, int linkage) implements BtfType {
        /** Checks the name is present. */
        public Var {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.VAR;
        }
    }

    /**
     * A data section such as {@code .bss} or {@code .maps}: its size and where each variable lies.
     * As clang writes them, sizes and offsets are 0; {@code ObjectSpec} fixes them up from ELF.
     */
    record DataSec(int id, String name, int size, List<VarSecInfo> vars) implements BtfType {
        /** Copies the variables. */
        public DataSec {
            Objects.requireNonNull(name, "name");
            vars = List.copyOf(vars);
        }

        @Override
        public BtfKind kind() {
            return BtfKind.DATASEC;
        }
    }

    /** A floating-point type of {@code size} bytes. */
    record Float(int id, String name, int size) implements BtfType {
        /** Checks the name is present. */
        public Float {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.FLOAT;
        }
    }

    /**
     * A declaration tag on {@code typeId}, or on its member or parameter number
     * {@code componentIndex} (-1 for the declaration itself).
     */
    record DeclTag(int id, String name, int typeId, int componentIndex) implements BtfType {
        /** Checks the name is present. */
        public DeclTag {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public BtfKind kind() {
            return BtfKind.DECL_TAG;
        }
    }

    /**
     * A struct or union member.
     *
     * @param name the member name, "" for an anonymous struct or union member
     * @param bitOffset offset from the start of the struct, in bits
     * @param bitfieldSize width in bits for a bitfield, else 0
     */
    record Member(String name, int typeId, long bitOffset, int bitfieldSize) {
        /** Checks the name is present. */
        public Member {
            Objects.requireNonNull(name, "name");
        }

        /** Whether this member is a bitfield. */
        public boolean isBitfield() {
            return bitfieldSize != 0;
        }
    }

    /**
     * An enumerator. Unsigned 64-bit values above {@link Long#MAX_VALUE} are kept as their
     * two's-complement bit pattern.
     */
    record EnumValue(String name, long value) {
        /** Checks the name is present. */
        public EnumValue {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A function parameter; the name may be "". */
    record Param(String name, int typeId) {
        /** Checks the name is present. */
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Where variable {@code typeId} (a {@link Var}) lies in its {@link DataSec}.
     *
     * @param offset byte offset inside the section
     * @param size size in bytes
     */
    record VarSecInfo(int typeId, int offset, int size) {
    }
}
