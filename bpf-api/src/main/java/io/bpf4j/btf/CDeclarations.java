package io.bpf4j.btf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The C text of BTF types, written by one declarator walk in two forms:
 *
 * <ul>
 *   <li>for a header ({@link CHeaderWriter}): declarations such as {@code struct sk_buff
 *       *(*fn)(int)} and the definitions of structs, unions, enums and typedefs, compilable.
 *       Anonymous structs, unions and enums are written inline where they are used, as C requires,
 *       names are made unique ({@link CNames}), and layouts are reproduced exactly: gaps that the
 *       compiler would not leave by itself become unnamed bitfields ({@link CPadding}), and a
 *       struct whose offsets or size break natural alignment is declared
 *       {@code __attribute__((packed))}.</li>
 *   <li>for reading ({@link #forReading}): what Javadoc and messages show of an object's types
 *       ({@code const volatile __u32 pid_target}, {@code struct event { … };}), with the names the
 *       C source spells (typedefs kept, an anonymous type shown as <code>{…}</code>) and the
 *       function parameters' names. The object chose those names: each goes through the caller's
 *       {@code shown} (which may cut or escape it), and a declarator nested deeper than
 *       {@code maxDepth}, or one whose types take too many steps to walk (function pointers nest
 *       parameters), ends in {@code …}, so hostile BTF cannot make the text huge. The text is raw
 *       otherwise: it is for the caller to encode where it goes.</li>
 * </ul>
 */
public final class CDeclarations {
    private static final long BPF_POINTER_BITS = 64;
    /** Parameters of a function pointer shown, when reading, before {@code …}. */
    private static final int MAX_PARAMETERS = 16;
    /** Types visited, when reading, for one declaration. */
    private static final int MAX_STEPS = 1024;
    private static final String ELLIPSIS = "…";

    private final Btf btf;
    /** The header's unique names; null when reading. */
    private final CNames names;
    /** How a name from the object is shown, when reading. */
    private final UnaryOperator<String> shown;
    private final int maxDepth;
    private int steps;

    private CDeclarations(Btf btf, CNames names, UnaryOperator<String> shown, int maxDepth) {
        this.btf = Objects.requireNonNull(btf, "btf");
        this.names = names;
        this.shown = shown;
        this.maxDepth = maxDepth;
    }

    /** The header form, names from {@code names}. */
    static CDeclarations forHeader(Btf btf, CNames names) {
        return new CDeclarations(btf, Objects.requireNonNull(names, "names"), UnaryOperator.identity(),
                Integer.MAX_VALUE);
    }

    /**
     * The reading form.
     *
     * @param shown how a name from the object is shown (for instance cut when very long)
     * @param maxDepth the deepest declarator written in full
     */
    public static CDeclarations forReading(Btf btf, UnaryOperator<String> shown, int maxDepth) {
        return new CDeclarations(btf, null, Objects.requireNonNull(shown, "shown"), maxDepth);
    }

    /** How C spells type {@code typeId}: {@code __u32}, {@code struct event}, {@code char[16]}. */
    public String typeName(int typeId) {
        return declaration(typeId, "");
    }

    /** The declaration of {@code name} with type {@code typeId}: {@code char comm[16]}. */
    public String declaration(int typeId, String name) {
        return declaration(typeId, reading() ? shown.apply(name) : name, 0);
    }

    /**
     * A struct or union's definition when reading, one member a line (indented four spaces,
     * bitfields with their width), ending with {@code };}: its lines.
     */
    public List<String> definition(BtfType.Composite composite) {
        List<String> lines = new ArrayList<>();
        lines.add(typeName(composite.id()) + " {");
        for (BtfType.Member member : composite.members()) {
            lines.add("    " + declaration(member.typeId(), member.name())
                    + (member.isBitfield() ? " : " + member.bitfieldSize() : "") + ";");
        }
        lines.add("};");
        return lines;
    }

    private boolean reading() {
        return names == null;
    }

    /**
     * A declaration of {@code declarator} (a name, or "" for an abstract declaration) with type
     * {@code typeId}, indented for nesting {@code level} where an inline definition spans lines.
     */
    String declaration(int typeId, String declarator, int level) {
        if (level == 0 && reading()) {
            steps = MAX_STEPS;
        }
        String inner = declarator;
        // A set: BTF may qualify both an array and its elements, which C spells once.
        Set<String> qualifiers = new LinkedHashSet<>();
        BtfType type = btf.type(typeId);
        // Walk from the declared name outwards: pointers prefix the declarator, arrays and
        // function signatures suffix it, until a type with a name of its own ends the chain.
        for (int depth = 0; ; depth++) {
            if (reading() && (depth > maxDepth || --steps < 0)) {
                return join(ELLIPSIS, inner);
            }
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
                return join(base, inner);
            }
        }
    }

    /** {@code char} + {@code comm[16]}; {@code void} + {@code *p}; no space before a bare {@code [}. */
    private static String join(String base, String inner) {
        if (inner.isEmpty()) {
            return base;
        }
        return inner.startsWith("[") ? base + inner : base + " " + inner;
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
        for (BtfType.EnumValue value : enumeration.values()) {
            text.append('\n').append(indent(level + 1)).append(names.enumerator(value.name()))
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
        String memberIndent = "\n" + indent(level + 1);
        long position = 0; // bit offset where the compiler would place the next member
        long end = 0; // the end of the furthest member, for the size
        for (BtfType.Member member : composite.members()) {
            long offset = member.bitOffset();
            if (!composite.union() && placement(position, member, packed) != offset) {
                padding(text, memberIndent, position, offset);
                position = offset;
            }
            text.append(memberIndent).append(declaration(member.typeId(), member.name(), level + 1));
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
                padding(text, memberIndent, end, size);
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
        return position % unit + member.bitfieldSize() <= unit ? position : roundUp(position, alignment);
    }

    private static void padding(StringBuilder text, String memberIndent, long from, long to) {
        for (CPadding.Piece piece : CPadding.between(from, to)) {
            text.append(memberIndent).append(piece.declaration()).append(';');
        }
    }

    private String parameters(BtfType.FuncProto proto, int level) {
        if (proto.params().isEmpty()) {
            return "void";
        }
        List<String> parameters = new ArrayList<>(proto.params().size());
        for (BtfType.Param param : proto.params()) {
            if (reading() && parameters.size() == MAX_PARAMETERS) {
                parameters.add(ELLIPSIS);
                break;
            }
            // Type 0 as the last parameter is how BTF spells a variadic function; when reading,
            // parameters keep their names.
            String name = reading() ? shown.apply(param.name()) : "";
            int nested = reading() ? level + 1 : level;
            parameters.add(param.typeId() == 0 ? "..." : declaration(param.typeId(), name, nested));
        }
        return String.join(", ", parameters);
    }

    /** The type that ends a declaration's chain: a name, or an inline definition when anonymous. */
    private String baseType(BtfType type, int level) {
        if (reading()) {
            return readingName(type);
        }
        if (type instanceof BtfType.Void) {
            return "void";
        } else if (type instanceof BtfType.Int || type instanceof BtfType.Float) {
            return type.name();
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

    /** How a type reads by name: as the C source spells it, an anonymous one as <code>{…}</code>. */
    private String readingName(BtfType type) {
        if (type instanceof BtfType.Void) {
            return "void";
        } else if (type instanceof BtfType.Composite composite) {
            return (composite.union() ? "union " : "struct ") + (composite.name().isEmpty() ? "{…}"
                    : shown.apply(composite.name()));
        } else if (type instanceof BtfType.Fwd fwd) {
            return (fwd.union() ? "union " : "struct ") + shown.apply(fwd.name());
        } else if (type instanceof BtfType.Enum enumType) {
            return "enum " + (enumType.name().isEmpty() ? "{…}" : shown.apply(enumType.name()));
        } else if (!type.name().isEmpty()) {
            return shown.apply(type.name());
        }
        return shown.apply(type.describe());
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
