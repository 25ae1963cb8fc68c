package io.bpf4j.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency file clang writes with {@code -MD -MF FILE}: a make rule
 * {@code object: source header...}, continued with backslash-newline, in which a space in a path
 * is written {@code \ }, a {@code #} as {@code \#} and a {@code $} as {@code $$}. It lists every
 * file the compilation read, so a changed header (vmlinux.h, libbpf's, the user's) makes its
 * objects stale.
 */
final class DependencyFile {
    private DependencyFile() {}

    /**
     * The prerequisites of the rule in {@code text}, in order.
     *
     * @throws IllegalArgumentException when {@code text} holds no rule
     */
    static List<Path> prerequisites(String text) {
        String joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
        int colon = ruleColon(joined);
        if (colon < 0) {
            throw new IllegalArgumentException("not a make rule: no ': ' after the target");
        }
        List<Path> paths = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = colon + 1; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\\' && i + 1 < joined.length() && (joined.charAt(i + 1) == ' ' || joined.charAt(i + 1) == '#')) {
                word.append(joined.charAt(++i));
            } else if (c == '$' && i + 1 < joined.length() && joined.charAt(i + 1) == '$') {
                word.append('$');
                i++;
            } else if (Character.isWhitespace(c)) {
                add(paths, word);
            } else {
                word.append(c);
            }
        }
        add(paths, word);
        return paths;
    }

    /** The colon that ends the target: the first one followed by white space (a path may hold ':'). */
    private static int ruleColon(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<Path> paths, StringBuilder word) {
        if (word.length() > 0) {
            paths.add(Path.of(word.toString()));
            word.setLength(0);
        }
    }
}
