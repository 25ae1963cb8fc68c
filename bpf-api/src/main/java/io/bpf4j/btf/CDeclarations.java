package io.bpf4j.btf;

import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The C text of BTF types: declarations such as {@code struct sk_buff *(*fn)(int)} and the
 * definitions of structs, unions, enums and typedefs. Anonymous structs, unions and enums are
 * written inline where they are used, as C requires. Layouts are reproduced exactly: gaps that
 * the compiler would not leave by itself become unnamed bitfields ({@link CPadding}), and a
 * struct whose offsets or size break natural alignment is declared
 * {@code __attribute__((packed))}.
 */
final class CDeclarations {
    /**
     * How many times the BTF's members, enumerators, parameters and types the declarations may
     * write in all, padding pieces included. An anonymous type is written inline at each use, and
     * BTF may share one (dedup merges identical ones), so nested shared anonymous types would
     * repeat exponentially; and a gap of gigabytes would take millions of pieces. The running
     * kernel's header writes 116,019 against the 296,065 of its BTF: 0.4 times.
     */
    static final long INLINE_BUDGET_FACTOR = 8;
    private static final long INLINE_BUDGET_SLACK = 1 << 16;
    private static final long BPF_POINTER_BITS = 64;

    private final Btf btf;
    private final CNames names;
    private long membersLeft;

    CDeclarations(Btf btf, CNames names) {
        this.btf = btf;
        this.names = names;
        long parts = 0;
        for (BtfType type : btf.types()) {
            parts += 1 + parts(type);
        }
        this.membersLeft = INLINE_BUDGET_FACTOR * parts + INLINE_BUDGET_SLACK;
    }

    private static int parts(BtfType type) {
        if (type instanceof BtfType.Composite composite) {
            return composite.members().size();
        } else if (type instanceof BtfType.Enum enumeration) {
            return enumeration.values().size();
        } else if (type instanceof BtfType.FuncProto proto) {
            return proto.params().size();
        }
        return 0;
    }

    /** Counts {@code count} more members, enumerators or parameters written for type {@code id}. */
    private void spend(int id, int count) {
        membersLeft -= count;
        if (membersLeft < 0) {
            throw new IllegalArgumentException("BTF type " + btf.type(id).describe() + ": its C declaration"
                    + " would bring the header past " + INLINE_BUDGET_FACTOR + " times the members and types of"
                    + " the BTF: anonymous types are nested and shared so that writing each use inline multiplies"
                    + " them, or padding fills gaps of that many 64-bit pieces");
        }
    }

    /**
     * A declaration of {@code declarator} (a name, or "" for an abstract declaration) with type
     * {@code typeId}, indented for nesting {@code level} where an inline definition spans lines.
     */
    String declaration(int typeId, String declarator, int level) {
        String inner = declarator;
        // A set: BTF may qualify both an array and its elements, which C spells once.
        Set<String> qualifiers = new LinkedHashSet<>();
        BtfType type = btf.type(typeId);
        // Walk from the declared name outwards: pointers prefix the declarator, arrays and
        // function signatures suffix it, until a type with a name of its own ends the chain.
        while (true) {
            if (type instanceof BtfType.Ptr ptr) {
                inner = "*" + inner;
                type = btf.type(ptr.targetId());
            } else if (type instanceof BtfType.Array array) {
                inner = parenthesized(inner) + "[" + array.length() + "]";
                type = btf.type(array.elementTypeId());
            } else if (type instanceof BtfType.FuncProto proto) {
                inner = parenthesized(inner) + "(" + parameters(proto, level) + ")";
                type = btf.type(proto.returnTypeId());
            } else if (type instanceof BtfType.Qualifier qualifier) {
                String keyword = keyword(qualifier.kind());
                if (!keyword.isEmpty()) {
                    // A qualifier of a pointer follows its '*'; any other qualifies the base type.
                    if (skipQualifiers(qualifier.typeId()) instanceof BtfType.Ptr) {
                        inner = keyword + (inner.isEmpty() ? "" : " " + inner);
                    } else {
                        qualifiers.add(keyword);
                    }
                }
                type = btf.type(qualifier.typeId());
            } else {
                String base = qualifiers.isEmpty() ? baseType(type, level)
                        : String.join(" ", qualifiers) + " " + baseType(type, level);
                return inner.isEmpty() ? base : base + " " + inner;
            }
        }
    }

    /** {@code struct name}, {@code union name}: the forward declaration of composite {@code id}. */
    String forwardDeclaration(int id) {
        BtfType type = btf.type(id);
        boolean union = type instanceof BtfType.Fwd fwd ? fwd.union() : ((BtfType.Composite) type).union();
        return (union ? "union " : "struct ") + names.tag(id);
    }

    /** {@code typedef <type> name}, for typedef {@code id}. */
    String typedefDefinition(int id) {
        BtfType.Typedef typedef = (BtfType.Typedef) btf.type(id);
        return "typedef " + declaration(typedef.typeId(), names.typedefName(id), 0);
    }

    /** The definition of enum {@code id} with its enumerators, at nesting {@code level}. */
    String enumDefinition(int id, int level) {
        BtfType.Enum enumeration = (BtfType.Enum) btf.type(id);
        StringBuilder text = new StringBuilder("enum");
        if (!enumeration.name().isEmpty()) {
            text.append(' ').append(names.tag(id));
        }
        if (enumeration.values().isEmpty()) {
            return text.toString();
        }
        text.append(" {");
        spend(id, enumeration.values().size());
        for (BtfType.EnumValue value : enumeration.values()) {
            text.append('\n').append(indent(level + 1)).append(names.enumerator(value.name(), enumeration))
                    .append(" = ").append(CEnumValues.literal(enumeration, value.value())).append(',');
        }
        text.append('\n').append(indent(level)).append('}').append(CEnumValues.sizeAttribute(enumeration));
        return text.toString();
    }

    /** The definition of struct or union {@code id} with its members, at nesting {@code level}. */
    String compositeDefinition(int id, int level) {
        BtfType.Composite composite = (BtfType.Composite) btf.type(id);
        boolean packed = isPacked(composite);
        StringBuilder text = new StringBuilder(composite.union() ? "union" : "struct");
        if (!composite.name().isEmpty()) {
            text.append(' ').append(names.tag(id));
        }
        text.append(" {");
        spend(id, 1 + composite.members().size());
        String memberIndent = "\n" + indent(level + 1);
        long position = 0; // bit offset where the compiler would place the next member
        long end = 0; // the end of the furthest member, for the size
        for (BtfType.Member member : composite.members()) {
            long offset = member.bitOffset();
            if (!composite.union() && placement(position, member, packed) != offset) {
                padding(id, text, memberIndent, position, offset);
                position = offset;
            }
            text.append(memberIndent)
                    .append(declaration(member.typeId(), CNames.identifier(member.name(), composite), level + 1));
            long bits = member.isBitfield() ? member.bitfieldSize() : compiledBits(member.typeId());
            if (member.isBitfield()) {
                text.append(": ").append(member.bitfieldSize());
            }
            text.append(';');
            position = composite.union() ? 0 : offset + bits;
            end = Math.max(end, offset + bits);
        }
        long size = 8L * composite.size();
        long alignment = 8L * btf.alignOf(id);
        if (roundUp(end, alignment) != size && end < size) {
            // A union has no member to place the padding after, so it gets a member of the
            // right size: an unnamed bitfield would not count towards the union's size.
            if (composite.union()) {
                text.append(memberIndent).append("char __pad[").append(composite.size()).append("];");
            } else {
                padding(id, text, memberIndent, end, size);
            }
        }
        if (composite.members().isEmpty() && composite.size() == 0) {
            text.append('}');
        } else {
            text.append('\n').append(indent(level)).append('}');
        }
        if (packed) {
            text.append(" __attribute__((packed))");
        }
        return text.toString();
    }

    /**
     * The size in bits the compiler gives a member of type {@code typeId}: its BTF size, except
     * for the compiler's own {@code __builtin_va_list}, which is a pointer on the BPF target
     * whatever the kernel's architecture made of it. Padding after such a member keeps the
     * following offsets and the struct size those of BTF.
     */
    private long compiledBits(int typeId) {
        BtfType type = btf.type(typeId);
        while (type instanceof BtfType.Typedef || type instanceof BtfType.Qualifier) {
            if (type instanceof BtfType.Typedef typedef) {
                if (CHeaderWriter.isBuiltin(typedef)) {
                    return BPF_POINTER_BITS;
                }
                type = btf.type(typedef.typeId());
            } else {
                type = btf.type(((BtfType.Qualifier) type).typeId());
            }
        }
        return 8 * btf.sizeOf(typeId);
    }

    /**
     * Whether the composite must be declared packed: {@link Btf#alignOf} found its layout packed
     * (a member off its natural alignment, or a size that is not a multiple of it) while some
     * member would otherwise be aligned to more than a byte.
     */
    private boolean isPacked(BtfType.Composite composite) {
        if (btf.alignOf(composite.id()) != 1) {
            return false;
        }
        return composite.members().stream().anyMatch(member -> btf.alignOf(member.typeId()) > 1);
    }

    /** The bit offset where the compiler places {@code member} when the previous one ended at {@code position}. */
    private long placement(long position, BtfType.Member member, boolean packed) {
        long alignment = packed ? 8 : 8L * btf.alignOf(member.typeId());
        if (!member.isBitfield()) {
            return roundUp(position, packed ? 8 : alignment);
        }
        if (packed) {
            return position;
        }
        // A bitfield shares the storage unit it starts in, unless it would cross the unit's end.
        long unit = 8 * btf.sizeOf(member.typeId());
        if (unit == 0) {
            throw new IllegalArgumentException("BTF type " + btf.type(member.typeId()).describe()
                    + " has size 0: C cannot declare bitfield '" + Printable.escape(member.name()) + "' of it");
        }
        return position % unit + member.bitfieldSize() <= unit ? position : roundUp(position, alignment);
    }

    /** Padding of struct {@code id}: a piece per 64 bits at most, each counted like a member. */
    private void padding(int id, StringBuilder text, String memberIndent, long from, long to) {
        spend(id, (int) Math.min(Integer.MAX_VALUE, (to - from) / 64 + 2));
        for (CPadding.Piece piece : CPadding.between(from, to)) {
            text.append(memberIndent).append(piece.declaration()).append(';');
        }
    }

    private String parameters(BtfType.FuncProto proto, int level) {
        spend(proto.id(), 1 + proto.params().size());
        if (proto.params().isEmpty()) {
            return "void";
        }
        List<String> parameters = new ArrayList<>(proto.params().size());
        for (BtfType.Param param : proto.params()) {
            // Type 0 as the last parameter is how BTF spells a variadic function.
            parameters.add(param.typeId() == 0 ? "..." : declaration(param.typeId(), "", level));
        }
        return String.join(", ", parameters);
    }

    /** The type that ends a declaration's chain: a name, or an inline definition when anonymous. */
    private String baseType(BtfType type, int level) {
        if (type instanceof BtfType.Void) {
            return "void";
        } else if (type instanceof BtfType.Int || type instanceof BtfType.Float) {
            return CNames.baseTypeName(type);
        } else if (type instanceof BtfType.Typedef) {
            return names.typedefName(type.id());
        } else if (type instanceof BtfType.Fwd) {
            return forwardDeclaration(type.id());
        } else if (type instanceof BtfType.Composite composite) {
            return composite.name().isEmpty() ? compositeDefinition(type.id(), level) : forwardDeclaration(type.id());
        } else if (type instanceof BtfType.Enum enumeration) {
            return enumeration.name().isEmpty() ? enumDefinition(type.id(), level) : "enum " + names.tag(type.id());
        }
        throw new IllegalArgumentException("BTF type " + type.describe() + " cannot be part of a C type declaration");
    }

    private BtfType skipQualifiers(int id) {
        BtfType type = btf.type(id);
        while (type instanceof BtfType.Qualifier qualifier) {
            type = btf.type(qualifier.typeId());
        }
        return type;
    }

    /** The C keyword of a qualifier; "" for type tags, which plain C cannot spell. */
    private static String keyword(BtfKind kind) {
        return switch (kind) {
            case CONST -> "const";
            case VOLATILE -> "volatile";
            case RESTRICT -> "restrict";
            default -> "";
        };
    }

    /** Wraps a declarator that starts with a pointer, so a following [] or () binds to the pointer. */
    private static String parenthesized(String declarator) {
        return declarator.startsWith("*") ? "(" + declarator + ")" : declarator;
    }

    private static long roundUp(long value, long multiple) {
        return multiple <= 1 ? value : (value + multiple - 1) / multiple * multiple;
    }

    static String indent(int level) {
        return "\t".repeat(level);
    }
}
