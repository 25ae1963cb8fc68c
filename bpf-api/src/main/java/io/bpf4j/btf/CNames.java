package io.bpf4j.btf;

import io.bpf4j.text.Printable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The C names of BTF types in one header. BTF may hold several different types with the same
 * name (one per compilation unit that defined them differently), but C allows a name only once
 * per namespace; the second and later types named {@code foo} become {@code foo___2},
 * {@code foo___3}, ... in the order the header first mentions them, as bpftool names them.
 *
 * <p>C has one namespace for struct, union and enum tags, and one for ordinary identifiers, which
 * typedef names and enumerators share. Forward declarations and enums without enumerators are
 * never renamed: they declare nothing that could clash.
 */
final class CNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BASE_TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*");

    private final List<BtfType> types;
    private final String[] resolved;
    private final Map<String, Integer> tagUses = new HashMap<>();
    private final Map<String, Integer> identifierUses = new HashMap<>();

    CNames(Btf btf) {
        this.types = btf.types();
        this.resolved = new String[types.size()];
    }

    /** The tag of the struct, union, enum or forward declaration {@code id}; "" when anonymous. */
    String tag(int id) {
        return resolve(id, tagUses);
    }

    /** The name of typedef {@code id}. */
    String typedefName(int id) {
        return resolve(id, identifierUses);
    }

    /**
     * The name to write for the next enumerator called {@code name}. Each call is one more
     * declaration of the name, so call it exactly once per enumerator written.
     */
    String enumerator(String name, BtfType.Enum enumeration) {
        return suffixed(identifier(name, enumeration), identifierUses);
    }

    /**
     * {@code name}, a name of or in {@code owner} that goes into the header as it is, once checked
     * to be a C identifier (or empty, for anonymous types and members): the header is C source,
     * and a name from a BTF file must not write anything into it but a name.
     *
     * @throws IllegalArgumentException naming the type and the name when it is not an identifier
     */
    static String identifier(String name, BtfType owner) {
        if (!name.isEmpty() && !IDENTIFIER.matcher(name).matches()) {
            throw notAName(name, owner);
        }
        return name;
    }

    /** The name of an integer or floating-point type, such as {@code unsigned int}: words of a C type. */
    static String baseTypeName(BtfType type) {
        if (!BASE_TYPE.matcher(type.name()).matches()) {
            throw notAName(type.name(), type);
        }
        return type.name();
    }

    private static IllegalArgumentException notAName(String name, BtfType owner) {
        return new IllegalArgumentException("BTF type " + owner.describe() + ": '" + Printable.escape(name)
                + "' is not a C identifier, and cannot be written into a header");
    }

    private String resolve(int id, Map<String, Integer> namespace) {
        String cached = resolved[id];
        if (cached != null) {
            return cached;
        }
        BtfType type = types.get(id);
        boolean declaresNothing = type instanceof BtfType.Fwd
                || type instanceof BtfType.Enum enumeration && enumeration.values().isEmpty();
        String checked = identifier(type.name(), type);
        String name = checked.isEmpty() || declaresNothing ? checked : suffixed(checked, namespace);
        resolved[id] = name;
        return name;
    }

    private static String suffixed(String name, Map<String, Integer> namespace) {
        int uses = namespace.merge(name, 1, Integer::sum);
        return uses == 1 ? name : name + "___" + uses;
    }
}
