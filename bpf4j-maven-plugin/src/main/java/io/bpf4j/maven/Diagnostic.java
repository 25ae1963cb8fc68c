package io.bpf4j.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of clang's: {@code FILE:LINE:COLUMN: error: MESSAGE} (or {@code warning},
 * {@code note}, {@code fatal error}), with the lines clang prints under it (the source line and
 * the caret).
 *
 * @param severity how Maven logs it
 * @param label the kind as clang names it ({@code error}, {@code fatal error}, {@code warning}, ...)
 * @param file the file, as clang printed it
 * @param line the line, 1-based
 * @param column the column, 1-based
 * @param message the text after the severity
 * @param context the lines that follow until the next message
 */
record Diagnostic(Severity severity, String label, String file, int line, int column, String message,
        List<String> context) {
    /** How bad a message is, and so how Maven logs it. */
    enum Severity {
        ERROR, WARNING, NOTE;

        static Severity of(String clangWord) {
            return switch (clangWord) {
                case "error", "fatal error" -> ERROR;
                case "warning" -> WARNING;
                default -> NOTE;
            };
        }
    }

    private static final Pattern HEADER =
            Pattern.compile("^(.+?):(\\d+):(\\d+): (fatal error|error|warning|note|remark): (.*)$");

    Diagnostic {
        context = List.copyOf(context);
    }

    /** {@code FILE:LINE:COLUMN: error: MESSAGE}, clang's own form, which IDEs and terminals link to the source. */
    String text() {
        return file + ":" + line + ":" + column + ": " + label + ": " + message;
    }

    /**
     * Clang's output cut into messages. The {@code In file included from} lines before a message in
     * a header belong to that message; the closing {@code N errors generated.} and lines that belong
     * to no message (clang's own {@code clang: error: ...}) are left out: the caller shows the whole
     * output when no message was found.
     */
    static List<Diagnostic> parse(String output) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Diagnostic current = null;
        List<String> context = new ArrayList<>();
        List<String> inclusions = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            Optional<Diagnostic> header = header(line);
            if (header.isPresent()) {
                if (current != null) {
                    diagnostics.add(current.with(context));
                }
                current = header.get();
                context = new ArrayList<>(inclusions);
                inclusions.clear();
            } else if (line.startsWith("In file included from ")
                    || !inclusions.isEmpty() && line.matches("\\s+from .*")) {
                inclusions.add(line);
            } else if (current != null && !line.matches("\\d+ (errors?|warnings?)( and \\d+ (errors?|warnings?))?"
                    + " generated\\.") && !line.isBlank()) {
                context.add(line);
            }
        }
        if (current != null) {
            diagnostics.add(current.with(context));
        }
        return diagnostics;
    }

    private static Optional<Diagnostic> header(String line) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Diagnostic(Severity.of(m.group(4)), m.group(4), m.group(1),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(5), List.of()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a line number beyond int is no clang message
        }
    }

    private Diagnostic with(List<String> lines) {
        return new Diagnostic(severity, label, file, line, column, message, lines);
    }
}
