package io.bpf4j.processor;

import com.palantir.javapoet.CodeBlock;
import io.bpf4j.btf.value.CTypeNames;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * The one encoder of text taken from an object (type, member, enum value, variable, map, program
 * and section names, the license, C declarations built from them) on its way into generated
 * source. Whoever built the object chose that text: it may hold {@code *&#47;}, backslash-u
 * escapes (which javac translates before it even lexes, comments included), newlines,
 * {@code @}, <code>{&#64;</code>, quotes, HTML or invisible characters. What this class returns
 * is inert where it is put and still readable:
 *
 * <ul>
 *   <li>{@link #doc} and {@link #code}, for Javadoc: printable ASCII only; every character
 *       Javadoc, javac or JavaPoet could read as markup
 *       (<code>&amp; &lt; &gt; &#64; { } &#92; &#36;</code>, a {@code *} before a {@code /}) is
 *       an HTML character reference, non-ASCII characters too;
 *       characters that are not printable are shown as {@link Printable#escape} shows them
 *       ({@code \x1b}, <code>&#92;u{202E}</code>).
 *       Object text is never put inside {@code {@code …}}, where references are not decoded.
 *   <li>{@link #literal}, for string literals that must hold the exact text (map, program and
 *       section names the runtime looks up): printable ASCII, {@code \"} and {@code \\}, octal
 *       escapes below U+0100 and backslash-u escapes above, which javac translates to characters
 *       that cannot end the literal.
 *   <li>{@link #shown}, for messages and the text of literals that only inform (range-check
 *       messages): long names are cut, so a 70,000-character name does not become a
 *       70,000-character message.
 * </ul>
 *
 * <p>Identifiers are not made here: they come from {@link JavaNames}, which keeps only
 * {@code [A-Za-z0-9_]}.
 */
public final class SourceText {
    /** Names longer than this many characters are cut in Javadoc and messages (bpf-api's rule). */
    static final int SHOWN_LENGTH = CTypeNames.SHOWN_LENGTH;
    /** The most bytes a class file's UTF-8 constant (such as a string literal) can have. */
    static final int MAX_CONSTANT_BYTES = 65_535;

    private SourceText() {}

    /** {@code 1 byte}, {@code 4 bytes}: a size as the generated Javadoc says it. */
    static String bytes(long count) {
        return count + (count == 1 ? " byte" : " bytes");
    }

    /** {@code text} for Javadoc, rendered as {@code <code>…</code>}: for C names and declarations. */
    static String code(String text) {
        return "<code>" + doc(text) + "</code>";
    }

    /**
     * {@code text} for Javadoc (also inside {@code <pre>}): renders as {@code text} with
     * non-printable characters (line ends too) escaped, and cannot end the comment, open a tag or
     * hold an escape.
     */
    static String doc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendDoc(Printable.escape(text), out);
        return out.toString();
    }

    /** Lines the generator chose (a C definition, one member a line), each {@link #doc}, for a {@code <pre>}. */
    static String docLines(List<String> lines) {
        List<String> encoded = new ArrayList<>(lines.size());
        lines.forEach(line -> encoded.add(doc(line)));
        return String.join("\n", encoded);
    }

    private static void appendDoc(String printable, StringBuilder out) {
        for (int i = 0; i < printable.length(); ) {
            int c = printable.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                case '\\' -> out.append("&#92;");
                // JavaPoet reads $ as a format character wherever a doc is passed as the format.
                case '$' -> out.append("&#36;");
                case '*' -> out.append(i < printable.length() && printable.charAt(i) == '/' ? "&#42;" : "*");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    }
                }
            }
        }
    }

    /**
     * {@code text} for a {@code //} comment: printable ASCII, every backslash doubled (so none can
     * start an escape javac would translate), non-ASCII characters written as {@code \\u{XXXX}}.
     */
    static String comment(String text) {
        String printable = Printable.escape(SourceText.shown(text));
        StringBuilder out = new StringBuilder(printable.length() + 8);
        for (int i = 0; i < printable.length(); ) {
            int c = printable.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x7f) {
                out.append((char) c);
            } else {
                out.append("\\\\u{").append(Integer.toHexString(c)).append('}');
            }
        }
        return out.toString();
    }

    /**
     * A string literal holding exactly {@code text}.
     *
     * @throws GenerationException when the text is longer than a class file constant can be;
     *     {@code what} names it in the message
     */
    static CodeBlock literal(String text, String what) throws GenerationException {
        checkConstant(text, what);
        return CodeBlock.of("$L", quote(text));
    }

    /** A string literal of text the generator built from names already {@link #shown}: never too long. */
    static CodeBlock literal(String text) {
        return CodeBlock.of("$L", javaString(text));
    }

    /**
     * The Java source of a string literal holding exactly {@code text} (see the class comment),
     * also for the stubs {@code bpf4j gen} writes around file names.
     *
     * @throws IllegalArgumentException when the text is longer than a class file constant can be
     */
    public static String javaString(String text) {
        if (constantBytes(text) > MAX_CONSTANT_BYTES) {
            throw new IllegalArgumentException("a literal of " + text.length() + " characters is longer than a class "
                    + "file constant can be");
        }
        return quote(text);
    }

    /** Checks {@code text} fits in a class file constant. */
    static void checkConstant(String text, String what) throws GenerationException {
        long bytes = constantBytes(text);
        if (bytes > MAX_CONSTANT_BYTES) {
            throw new GenerationException(what + " '" + shown(text) + "' is " + bytes + " bytes long; a Java "
                    + "string constant holds at most " + MAX_CONSTANT_BYTES + " bytes (class file limit)");
        }
    }

    /** The length of {@code text} as a class file's modified UTF-8. */
    private static long constantBytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c < 0x100) {
                // Octal, not backslash-u: javac would translate a backslash-u newline before lexing.
                out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code name} cut to {@link #SHOWN_LENGTH} characters, saying how long it was; for messages
     * and Javadoc ({@link CTypeNames#shown}, so names are cut as in C declarations). Not escaped:
     * messages are escaped as a whole where they are printed, Javadoc by {@link #doc}.
     */
    static String shown(String name) {
        return CTypeNames.shown(name);
    }
}
