package io.bpf4j.btf.value;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that say what a BTF type is as a value ({@link ValueType}); generated skeletons and
 * {@link BtfCodec} both follow them.
 *
 * <ul>
 *   <li>Typedefs and qualifiers are looked through.
 *   <li>Integers: {@code s8}, {@code s16}, {@code s32}, {@code s64}, their unsigned kinds and the
 *       128-bit ones, by size and signedness ({@link ScalarKind}); a one-byte {@code _Bool} is
 *       {@code BOOL}. An integer whose bits do not fill its bytes is refused outside a struct.
 *   <li>Pointers are {@code POINTER}s, addresses; {@code float} and {@code double} are
 *       {@code F32}/{@code F64}, any other floating-point size ({@code long double}) is refused.
 *   <li>Enums are {@link ValueType.Enumerated}, held raw as the integer of their size and
 *       signedness.
 *   <li>An array of a one-byte {@code char} (BTF's char flag, or the name {@code char}) is
 *       {@link ValueType.Text}; other arrays are {@link ValueType.Array}s of their element, arrays
 *       of arrays for several dimensions. A zero-length array is refused outside a struct, and so
 *       is an array larger than 2 GiB, more than a Java buffer holds.
 *   <li>Structs and unions are {@link ValueType.Composite}s with their members at BTF's offsets.
 *       A bitfield (BTF's kind_flag encoding, or an {@code INT} narrower than its storage, whose
 *       own bit offset then counts) is a {@link ValueType.BitField} of its declared integer, enum
 *       or bool type, of at most 64 bits. A member that is not a bitfield must start on a byte; a
 *       member must lie inside its owner. A zero-length (flexible) array member is left out of
 *       the fixed layout.
 *   <li>Forward declarations, {@code void}, functions and anything else have no value.
 *   <li>Types nest at most {@link #MAX_DEPTH} levels (a struct in a struct, an array of arrays).
 * </ul>
 *
 * <p>A type these rules refuse is an {@link UnsupportedTypeException} saying where and why; a
 * member's problem names its owner and member ({@code struct s, member 'x' (long double): …}).
 *
 * <p>One instance computes each struct and union once, and returns the same {@link
 * ValueType.Composite} for it every time, so a type graph with shared members costs linear
 * time. Instances are not thread-safe; the values they return are immutable.
 */
public final class ValueTypes {
    /**
     * How deep types may nest (a struct in a struct, an array of arrays): the kernel's own BTF
     * limit ({@code MAX_RESOLVE_DEPTH}), so no object the kernel loads is refused, and the rules
     * never recurse deeper.
     */
    public static final int MAX_DEPTH = 32;

    private final Btf btf;
    private final CTypeNames names;
    private final Map<Integer, ValueType.Composite> composites = new HashMap<>();
    private final Set<Integer> pending = new HashSet<>();

    /** The rules over {@code btf}'s types. */
    public ValueTypes(Btf btf) {
        this.btf = Objects.requireNonNull(btf, "btf");
        this.names = new CTypeNames(btf);
    }

    /**
     * What type {@code typeId} of {@code btf} is as a value, computed with a fresh instance.
     *
     * @throws UnsupportedTypeException when the rules refuse the type
     * @throws IllegalArgumentException when there is no such type
     */
    public static ValueType of(Btf btf, int typeId) {
        return new ValueTypes(btf).type(typeId);
    }

    /** The BTF these rules read. */
    public Btf btf() {
        return btf;
    }

    /** The C spellings of the types, as the messages use them. */
    public CTypeNames names() {
        return names;
    }

    /**
     * What type {@code typeId} is as a value.
     *
     * @throws UnsupportedTypeException when the rules refuse the type, saying where and why
     * @throws IllegalArgumentException when there is no such type
     */
    public ValueType type(int typeId) {
        btf.type(typeId);
        return type(typeId, 0);
    }

    /**
     * {@code message} about member {@code member} of {@code owner}, as every message about a
     * member starts: {@code struct s, member 'x': message}.
     */
    public String inMember(BtfType.Composite owner, BtfType.Member member, String message) {
        return names.typeName(owner.id()) + ", member '" + CTypeNames.shown(member.name()) + "': " + message;
    }

    /**
     * {@code message} about the type of member {@code member} of {@code owner}:
     * {@code struct s, member 'x' (long double): message}.
     */
    public String inMemberType(BtfType.Composite owner, BtfType.Member member, String message) {
        return names.typeName(owner.id()) + ", member '" + CTypeNames.shown(member.name()) + "' ("
                + names.typeName(member.typeId()) + "): " + message;
    }

    private ValueType type(int typeId, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedTypeException("types nest deeper than " + MAX_DEPTH + " levels (structs in structs, "
                    + "arrays of arrays), the most the kernel's BTF checker and the generator take");
        }
        BtfType type = btf.resolve(typeId);
        if (type instanceof BtfType.Int integer) {
            return new ValueType.Scalar(integer(integer));
        } else if (type instanceof BtfType.Enum enumType) {
            return enumerated(enumType);
        } else if (type instanceof BtfType.Ptr) {
            return new ValueType.Scalar(ScalarKind.POINTER);
        } else if (type instanceof BtfType.Float floating) {
            return new ValueType.Scalar(floating(floating));
        } else if (type instanceof BtfType.Array array) {
            return array(array, depth);
        } else if (type instanceof BtfType.Composite composite) {
            return composite(composite, depth);
        } else if (type instanceof BtfType.Fwd fwd) {
            throw new UnsupportedTypeException(names.typeName(fwd.id())
                    + " is only declared, not defined, so its layout is unknown");
        } else if (type instanceof BtfType.Void) {
            throw new UnsupportedTypeException("void has no value to map");
        }
        throw new UnsupportedTypeException("a BTF " + type.kind() + " has no Java type");
    }

    private static ScalarKind integer(BtfType.Int integer) {
        if (integer.bitOffset() != 0 || integer.bits() != integer.size() * 8) {
            throw new UnsupportedTypeException("integers of " + integer.bits() + " bits in " + integer.size()
                    + " bytes are not supported yet");
        }
        if (integer.isBool() && integer.size() == 1) {
            return ScalarKind.BOOL;
        }
        return sized(ScalarKind.integer(integer.size(), integer.signed()), integer);
    }

    private static ValueType.Enumerated enumerated(BtfType.Enum enumType) {
        return new ValueType.Enumerated(enumType,
                sized(ScalarKind.integer(enumType.size(), enumType.signed()), enumType));
    }

    private static ScalarKind sized(ScalarKind kind, BtfType type) {
        if (kind == null) {
            throw new UnsupportedTypeException(type.describe() + ": integers of this size are not supported yet");
        }
        return kind;
    }

    private static ScalarKind floating(BtfType.Float floating) {
        return switch (floating.size()) {
            case 4 -> ScalarKind.F32;
            case 8 -> ScalarKind.F64;
            default -> throw new UnsupportedTypeException(floating.size()
                    + "-byte floating-point numbers are not supported yet");
        };
    }

    private ValueType array(BtfType.Array array, int depth) {
        if (array.length() == 0) {
            throw new UnsupportedTypeException("a zero-length (flexible) array has no fixed layout; only a struct's "
                    + "last member may be one");
        }
        BtfType element = btf.resolve(array.elementTypeId());
        if (element instanceof BtfType.Int integer && integer.size() == 1
                && (integer.isChar() || integer.name().equals("char"))) {
            return new ValueType.Text(array.length());
        }
        ValueType elementType = type(array.elementTypeId(), depth + 1);
        if ((long) elementType.size() * array.length() > Integer.MAX_VALUE) {
            throw new UnsupportedTypeException("an array of " + array.length() + " elements of " + elementType.size()
                    + " bytes is larger than 2 GiB, more than a Java buffer holds");
        }
        return new ValueType.Array(array.elementTypeId(), elementType, array.length());
    }

    private ValueType.Composite composite(BtfType.Composite composite, int depth) {
        ValueType.Composite done = composites.get(composite.id());
        if (done != null) {
            return done;
        }
        if (!pending.add(composite.id())) {
            // BTF validation rules out a struct containing itself by value; this is only a guard.
            throw new UnsupportedTypeException(names.typeName(composite.id()) + " contains itself");
        }
        try {
            List<ValueType.Field> fields = new ArrayList<>();
            List<BtfType.Member> flexible = new ArrayList<>();
            for (BtfType.Member member : composite.members()) {
                if (btf.resolve(member.typeId()) instanceof BtfType.Array array && array.length() == 0) {
                    flexible.add(member);
                } else {
                    fields.add(field(composite, member, depth));
                }
            }
            ValueType.Composite model = new ValueType.Composite(btf, composite, fields, flexible);
            composites.put(composite.id(), model);
            return model;
        } finally {
            pending.remove(composite.id());
        }
    }

    private ValueType.Field field(BtfType.Composite owner, BtfType.Member member, int depth) {
        int width = bitfieldWidth(member);
        // Without kind_flag, BTF places a bitfield through its INT type's own bit offset.
        long bitOffset = member.bitOffset()
                + (!member.isBitfield() && btf.resolve(member.typeId()) instanceof BtfType.Int integer
                        ? integer.bitOffset() : 0);
        int offset = (int) (bitOffset / 8);
        ValueType type;
        if (width != 0) {
            type = bitfield(owner, member, (int) (bitOffset % 8), width);
        } else if (bitOffset % 8 != 0) {
            throw new UnsupportedTypeException(inMember(owner, member,
                    "members that do not start on a byte are not supported yet"));
        } else {
            try {
                type = type(member.typeId(), depth + 1);
            } catch (UnsupportedTypeException e) {
                throw new UnsupportedTypeException(inMemberType(owner, member, e.getMessage()));
            }
        }
        if ((long) offset + type.size() > owner.size()) {
            throw new UnsupportedTypeException(inMember(owner, member,
                    "lies outside the type's " + owner.size() + " bytes"));
        }
        return new ValueType.Field(member.name(), offset, type, member);
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

    /** A bitfield of its declared integer, enum or bool type. */
    private ValueType.BitField bitfield(BtfType.Composite owner, BtfType.Member member, int shift, int width) {
        BtfType base = btf.resolve(member.typeId());
        ScalarKind kind;
        ValueType.Enumerated enumType = null;
        if (base instanceof BtfType.Int integer) {
            kind = integer.isBool() ? ScalarKind.BOOL : ScalarKind.integer(integer.size(), integer.signed());
        } else if (base instanceof BtfType.Enum enumBase) {
            kind = ScalarKind.integer(enumBase.size(), enumBase.signed());
            if (kind != null) {
                enumType = new ValueType.Enumerated(enumBase, kind);
            }
        } else {
            throw new UnsupportedTypeException(inMember(owner, member,
                    "a bitfield of " + names.typeName(member.typeId()) + " is not an integer"));
        }
        if (kind == null || kind.isWide() || width > 64) {
            throw new UnsupportedTypeException(inMember(owner, member,
                    "bitfields of " + names.typeName(member.typeId()) + " are not supported"));
        }
        return new ValueType.BitField(kind, shift, width, enumType);
    }
}
