package io.bpf4j.btf.value;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfKind;
import io.bpf4j.btf.BtfType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How C spells BTF types, for messages and documentation: {@code __u32}, {@code struct event},
 * {@code char comm[16]}, a struct's definition one member a line. Typedef names are kept, as the
 * C source spells them; anonymous structs, unions and enums are {@code struct {…}}.
 *
 * <p>The text is the object's, raw: whoever shows it escapes it where it goes (a terminal, a log,
 * generated source). Hostile BTF cannot make it huge: names are cut by {@link #shown}, a
 * declarator nested deeper than {@link ValueTypes#MAX_DEPTH} ends in {@code …}, and so do long
 * parameter lists of function pointers.
 */
public final class CTypeNames {
    /** Names longer than this many characters are cut by {@link #shown}. */
    public static final int SHOWN_LENGTH = 200;

    private static final String INDENT = "    ";
    /** Parameters of a function pointer shown before {@code …}. */
    private static final int MAX_PARAMETERS = 16;
    /** Types visited for one declaration: function pointers nest parameters, which would be exponential. */
    private static final int MAX_STEPS = 1024;

    private final Btf btf;

    /** The spellings of {@code btf}'s types. */
    public CTypeNames(Btf btf) {
        this.btf = Objects.requireNonNull(btf, "btf");
    }

    /**
     * {@code name} cut to {@link #SHOWN_LENGTH} characters, saying how long it was in UTF-8 bytes,
     * so that a 70,000-character name does not become a 70,000-character message. Not escaped.
     */
    public static String shown(String name) {
        if (name.length() <= SHOWN_LENGTH) {
            return name;
        }
        int cut = Character.isHighSurrogate(name.charAt(SHOWN_LENGTH - 1)) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH;
        return name.substring(0, cut) + "…(" + name.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }

    /** How C spells type {@code typeId}: {@code __u32}, {@code struct event}, {@code char[16]}. */
    public String typeName(int typeId) {
        return declaration(typeId, "");
    }

    /** The declaration of {@code name} with type {@code typeId}: {@code char comm[16]}. */
    public String declaration(int typeId, String name) {
        return new Declarator().declare(typeId, shown(name), 0);
    }

    /** A struct's or union's definition, one member a line, ending with {@code };}: its lines. */
    public List<String> definition(BtfType.Composite composite) {
        List<String> lines = new ArrayList<>();
        lines.add(typeName(composite.id()) + " {");
        for (BtfType.Member member : composite.members()) {
            lines.add(INDENT + declaration(member.typeId(), member.name())
                    + (member.isBitfield() ? " : " + member.bitfieldSize() : "") + ";");
        }
        lines.add("};");
        return lines;
    }

    /** One declaration being written: its budget of steps is its own, so instances are thread-safe. */
    private final class Declarator {
        private int steps = MAX_STEPS;

        /**
         * C's inside-out declarator syntax: the type is written around the declarator {@code inner},
         * so an array of pointers reads {@code int *a[4]} and a pointer to an array {@code int (*a)[4]}.
         */
        private String declare(int typeId, String inner, int depth) {
            if (depth > ValueTypes.MAX_DEPTH || --steps < 0) {
                return join("…", inner);
            }
            BtfType type = btf.type(typeId);
            if (type instanceof BtfType.Ptr ptr) {
                BtfType target = btf.type(ptr.targetId());
                boolean needsParentheses = target instanceof BtfType.Array || target instanceof BtfType.FuncProto;
                return declare(ptr.targetId(), needsParentheses ? "(*" + inner + ")" : "*" + inner, depth + 1);
            } else if (type instanceof BtfType.Array array) {
                return declare(array.elementTypeId(), inner + "[" + array.length() + "]", depth + 1);
            } else if (type instanceof BtfType.Qualifier qualifier) {
                return qualified(qualifier, inner, depth + 1);
            } else if (type instanceof BtfType.FuncProto proto) {
                List<String> params = new ArrayList<>();
                for (BtfType.Param param : proto.params()) {
                    if (params.size() == MAX_PARAMETERS) {
                        params.add("…");
                        break;
                    }
                    params.add(param.typeId() == 0 ? "..." : declare(param.typeId(), shown(param.name()), depth + 1));
                }
                return declare(proto.returnTypeId(), inner + "(" + String.join(", ", params) + ")", depth + 1);
            }
            return join(baseName(type), inner);
        }

        private String qualified(BtfType.Qualifier qualifier, String inner, int depth) {
            if (qualifier.kind() == BtfKind.TYPE_TAG) {
                // Type tags (__user, __rcu) only guide the verifier; they change nothing in the layout.
                return declare(qualifier.typeId(), inner, depth);
            }
            String keyword = qualifier.kind().name().toLowerCase(Locale.ROOT);
            if (btf.type(qualifier.typeId()) instanceof BtfType.Ptr) {
                // A qualified pointer: the keyword goes after the star, `char *const p`.
                return declare(qualifier.typeId(), keyword + (inner.isEmpty() ? "" : " " + inner), depth);
            }
            return keyword + " " + declare(qualifier.typeId(), inner, depth);
        }
    }

    private static String baseName(BtfType type) {
        if (type instanceof BtfType.Void) {
            return "void";
        } else if (type instanceof BtfType.Composite composite) {
            return (composite.union() ? "union " : "struct ")
                    + (composite.name().isEmpty() ? "{…}" : shown(composite.name()));
        } else if (type instanceof BtfType.Fwd fwd) {
            return (fwd.union() ? "union " : "struct ") + shown(fwd.name());
        } else if (type instanceof BtfType.Enum enumType) {
            return "enum " + (enumType.name().isEmpty() ? "{…}" : shown(enumType.name()));
        } else if (!type.name().isEmpty()) {
            return shown(type.name());
        }
        return shown(type.describe());
    }

    /** {@code char} + {@code comm[16]}; {@code void} + {@code *p}; no space before a bare {@code [}. */
    private static String join(String base, String inner) {
        if (inner.isEmpty()) {
            return base;
        }
        return inner.startsWith("[") ? base + inner : base + " " + inner;
    }
}
