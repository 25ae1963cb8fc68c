package io.bpf4j.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns C names into Java names: {@code pid_target} → {@code pidTarget}, {@code hist_key} →
 * {@code HistKey}, {@code trace_openat} → {@code TRACE_OPENAT}. Names that would not compile (Java
 * keywords, record component names javac forbids) get a trailing {@code _}.
 */
final class JavaNames {
    /**
     * Methods of {@link Object} that a generated accessor must not override by accident; javac also
     * forbids them as record component names.
     */
    private static final Set<String> OBJECT_METHODS = Set.of(
            "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

    private JavaNames() {}

    /** A method, field or record component name: {@code pid_target} → {@code pidTarget}. */
    static String memberName(String cName) {
        List<String> words = words(cName);
        StringBuilder name = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            name.append(capitalize(words.get(i)));
        }
        return escape(name.toString());
    }

    /** A class or record name: {@code hist_key} → {@code HistKey}. */
    static String typeName(String cName) {
        StringBuilder name = new StringBuilder();
        for (String word : words(cName)) {
            name.append(capitalize(word));
        }
        return escape(name.toString());
    }

    /** An enum constant name: {@code trace_openat} → {@code TRACE_OPENAT}. */
    static String constantName(String cName) {
        List<String> parts = new ArrayList<>();
        for (String word : words(cName)) {
            // camelCase words of C names written in camelCase become separate constant words too.
            parts.add(word.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return escape(String.join("_", parts));
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

    private static String escape(String name) {
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name)) {
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
     * the nested types of one skeleton, where a C struct may be called like a generated class.
     */
    static final class Allocator {
        private final Set<String> taken = new HashSet<>();

        /** Marks names the allocator must never hand out. */
        void reserve(String name) {
            taken.add(name);
        }

        /** {@code name}, or {@code name + suffix}, or {@code name + suffix + n}: the first one free. */
        String allocate(String name, String suffix) {
            if (taken.add(name)) {
                return name;
            }
            String candidate = name + suffix;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = name + suffix + n;
            }
            return candidate;
        }
    }
}
