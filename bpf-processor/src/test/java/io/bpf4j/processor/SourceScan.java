package io.bpf4j.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a generated source as javac does, to tell what of it is code: first the translation of
 * backslash-u escapes (JLS 3.3, done before lexing, so also inside comments), then comments,
 * string and character literals told from code. A test then checks that object text reached
 * comments and literals only, and that no comment ends where the generator did not end it.
 */
final class SourceScan {
    /** What part of the source a stretch of text is. */
    enum Kind { CODE, COMMENT, LITERAL }

    /** A stretch of the translated source. */
    record Region(Kind kind, String text) {}

    private final String translated;
    private final List<Region> regions = new ArrayList<>();

    private SourceScan(String source) {
        this.translated = translateEscapes(source);
        lex();
    }

    static SourceScan of(String source) {
        return new SourceScan(source);
    }

    /** The source after javac's backslash-u translation. */
    String translated() {
        return translated;
    }

    List<Region> regions() {
        return regions;
    }

    /** The code, comments and literals replaced by a space: what javac compiles. */
    String code() {
        StringBuilder code = new StringBuilder();
        for (Region region : regions) {
            code.append(region.kind() == Kind.CODE ? region.text() : " ");
        }
        return code.toString();
    }

    /**
     * The comments that end somewhere else than on a line of their own: JavaPoet closes every
     * Javadoc with a line holding only {@code *&#47;}, so any other end was put there by text.
     */
    List<String> commentsEndingMidLine() {
        List<String> bad = new ArrayList<>();
        for (Region region : regions) {
            String text = region.text();
            if (region.kind() == Kind.COMMENT && text.startsWith("/*")) {
                int lastLine = text.lastIndexOf('\n');
                String closingLine = text.substring(lastLine + 1);
                if (lastLine < 0 || !closingLine.strip().equals("*/")) {
                    bad.add(text);
                }
            }
        }
        return bad;
    }

    /** Every escape that javac translates: {@code \}, preceded by an even number of {@code \}, then {@code u}s. */
    private static String translateEscapes(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int backslashes = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 > source.length()) {
                    throw new IllegalArgumentException("a truncated unicode escape at " + i);
                }
                out.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
                i = j + 3;
                backslashes = 0;
                continue;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
        }
        return out.toString();
    }

    private void lex() {
        String s = translated;
        int codeStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            Kind kind;
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("an unclosed comment at " + i);
                }
                end += 2;
                kind = Kind.COMMENT;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (s.charAt(end) != c) {
                    if (s.charAt(end) == '\n') {
                        throw new IllegalArgumentException("a literal broken by a line end at " + i);
                    }
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
                kind = Kind.LITERAL;
            } else {
                i++;
                continue;
            }
            if (codeStart < i) {
                regions.add(new Region(Kind.CODE, s.substring(codeStart, i)));
            }
            regions.add(new Region(kind, s.substring(i, end)));
            i = end;
            codeStart = end;
        }
        if (codeStart < s.length()) {
            regions.add(new Region(Kind.CODE, s.substring(codeStart)));
        }
    }
}
