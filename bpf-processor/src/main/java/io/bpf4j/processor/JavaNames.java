package io.bpf4j.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import javax.lang.model.SourceVersion;

/**
 * The one mapping from C names to Java names: {@code pid_target} → {@code pidTarget},
 * {@code hist_key} → {@code HistKey}, {@code trace_openat} → {@code TRACE_OPENAT}; with
 * {@link Allocator}, which makes the names of one scope distinct.
 *
 * <p>Whatever the C name (an object's names are chosen by whoever built it), the result is a valid
 * identifier of ASCII letters, digits and {@code _}, the same for the same name: characters a
 * Java identifier cannot hold (or that are not ASCII) separate words; a name left with no word
 * ({@code ""}, {@code "__"}, a name in another script) is {@code unnamed}; one starting with a
 * digit gets a leading {@code _}; one longer than {@link #MAX_LENGTH} characters is cut and ends
 * with a hash of the whole C name, so distinct long names stay distinct and class files stay
 * within the file system's name length; Java keywords, restricted identifiers, the methods of
 * {@link Object} and the package roots generated code names qualified ({@code java},
 * {@code javax}, {@code io}, which a field of that name would obscure) get a trailing {@code _}.
 */
final class JavaNames {
    /**
     * The longest name handed out. A nested class's file is named {@code Skel$Name$View.class}:
     * with this, it stays well inside the 255 bytes of a file name.
     */
    static final int MAX_LENGTH = 96;

    /**
     * Methods of {@link Object} that a generated accessor must not override by accident; javac also
     * forbids them as record component names.
     */
    private static final Set<String> OBJECT_METHODS = Set.of(
            "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

    /**
     * Restricted identifiers (legal in some places only), and the first segments of the packages
     * the generated code refers to by qualified name when a simple name is taken.
     */
    private static final Set<String> RESTRICTED = Set.of(
            "var", "yield", "record", "sealed", "permits", "when", "java", "javax", "io");

    private JavaNames() {}

    /** A method, field or record component name: {@code pid_target} → {@code pidTarget}. */
    static String memberName(String cName) {
        List<String> words = words(cName);
        StringBuilder name = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            name.append(capitalize(words.get(i)));
        }
        return escape(name.toString(), cName);
    }

    /** A class or record name: {@code hist_key} → {@code HistKey}. */
    static String typeName(String cName) {
        StringBuilder name = new StringBuilder();
        for (String word : words(cName)) {
            name.append(capitalize(word));
        }
        return escape(name.toString(), cName);
    }

    /** An enum constant name: {@code trace_openat} → {@code TRACE_OPENAT}. */
    static String constantName(String cName) {
        List<String> parts = new ArrayList<>();
        for (String word : words(cName)) {
            // camelCase words of C names written in camelCase become separate constant words too.
            parts.add(word.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return escape(String.join("_", parts), cName);
    }

    /**
     * The words of a C name, split at underscores (and at the dots of section names such as
     * {@code rodata.cfg}), each starting lower case. Words in capitals ({@code MAX}) are lowered
     * whole so that {@code MAX_LEN} reads {@code maxLen}, not {@code mAXLEN}.
     */
    private static List<String> words(String cName) {
        List<String> words = new ArrayList<>();
        for (String part : cName.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            boolean allCaps = part.equals(part.toUpperCase(Locale.ROOT));
            words.add(allCaps ? part.toLowerCase(Locale.ROOT) : decapitalize(part));
        }
        if (words.isEmpty()) {
            // "_" or "__": nothing left to build a name from; keep a valid, recognisable name.
            words.add("unnamed");
        }
        return words;
    }

    private static String escape(String name, String cName) {
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (name.length() > MAX_LENGTH) {
            CRC32 hash = new CRC32();
            hash.update(cName.getBytes(StandardCharsets.UTF_8));
            name = name.substring(0, MAX_LENGTH - 9) + "_" + String.format("%08x", hash.getValue());
        }
        if (SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name) || RESTRICTED.contains(name)) {
            return name + "_";
        }
        return name;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String decapitalize(String word) {
        return Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * Hands out distinct names: a name already taken gets {@code suffix}, then a number. Used for
     * every scope whose names come from C names (nested types, members, constants, accessors),
     * so that names differing only in what Java cannot spell ({@code a_b}, {@code a__b}) stay
     * distinct; the same names in the same order always get the same results.
     */
    static final class Allocator {
        private final Set<String> taken = new HashSet<>();
        /** The next number to try after {@code name + suffix}, so n clashing names cost O(n), not O(n²). */
        private final Map<String, Integer> next = new HashMap<>();

        /** A copy of this allocator, to {@link #restore} later. */
        Allocator copy() {
            Allocator copy = new Allocator();
            copy.taken.addAll(taken);
            copy.next.putAll(next);
            return copy;
        }

        /** Makes this allocator what {@code saved} is. */
        void restore(Allocator saved) {
            taken.clear();
            taken.addAll(saved.taken);
            next.clear();
            next.putAll(saved.next);
        }

        /** Whether {@code name} is still free. */
        boolean isFree(String name) {
            return !taken.contains(name);
        }

        /** Marks names the allocator must never hand out. */
        void reserve(String name) {
            taken.add(name);
        }

        /** {@code name}, or {@code name + suffix}, or {@code name + suffix + n}: the first one free. */
        String allocate(String name, String suffix) {
            if (taken.add(name)) {
                return name;
            }
            String base = name + suffix;
            if (taken.add(base)) {
                return base;
            }
            int n = next.getOrDefault(base, 2);
            String candidate = base + n;
            while (!taken.add(candidate)) {
                candidate = base + ++n;
            }
            next.put(base, n + 1);
            return candidate;
        }
    }
}
