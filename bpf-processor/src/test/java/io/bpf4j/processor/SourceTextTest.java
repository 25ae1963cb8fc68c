package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceText}: literals hold exactly the object's text and are printable ASCII; Javadoc text
 * renders as the text and cannot end the comment or open a tag; and why JavaPoet's {@code $S} is
 * not enough on its own.
 */
class SourceTextTest {
    /** Text javac could read as something else, once it is in a source file. */
    private static final List<String> HOSTILE = List.of(
            "plain", "a\"b", "back\\slash", "\\u0022", "\\\\u000a", "\\u000a\"); static {} (\"", "line\nend",
            "\r\t\0\u0007\u001b[31m", "\u007f\u0085\u00ff", "\u2028\u2029\u202e", "привет", "😀", "*/",
            "$L$S$$");

    @Test
    void literalsHoldExactlyTheTextAndArePrintableAscii() throws ReflectiveOperationException {
        List<String> literals = new ArrayList<>();
        for (String text : HOSTILE) {
            String literal = SourceText.literal(text).toString();
            assertThat(literal.chars()).as(literal).allMatch(c -> c >= 0x20 && c < 0x7f);
            literals.add(literal);
        }
        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(JavaFileObjects.forSourceString(
                "p.Literals", "package p;\npublic final class Literals {\n    public static final String[] VALUES = {\n"
                        + String.join(",\n", literals) + "};\n}\n"));

        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompiledClasses(compilation.generatedFiles(), getClass().getClassLoader());
        String[] values = (String[]) loader.loadClass("p.Literals").getField("VALUES").get(null);
        assertThat(values).containsExactlyElementsOf(HOSTILE);
    }

    @Test
    void aLiteralTooLongForAClassFileIsAnError() {
        assertThatThrownBy(() -> SourceText.literal("é".repeat(40_000), "map name"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("map name '" + "é".repeat(200) + "…(80000 bytes)' is 80000 bytes long; a Java string "
                        + "constant holds at most 65535 bytes (class file limit)");
    }

    /**
     * What {@code $S} does: backslashes are doubled (so a backslash-u in the text is not translated) and
     * control characters become backslash-u escapes, but a bidirectional override stays as it is, in
     * the source a reviewer reads, and a line separator (U+2028) becomes a line feed inside the
     * literal, which does not compile.
     */
    @Test
    void javaPoetLiteralsLeaveInvisibleCharactersInTheSource() {
        assertThat(CodeBlock.of("$S", "\\u0022").toString()).isEqualTo("\"\\\\u0022\"");
        assertThat(CodeBlock.of("$S", "\u0007\n").toString()).isEqualTo("\"\\u0007\\n\"");
        assertThat(CodeBlock.of("$S", "\u202e\u2028x").toString()).isEqualTo("\"\u202e\nx\"");
        assertThat(SourceText.literal("\u202e\u2028x").toString()).isEqualTo("\"\\u202e\\u2028x\"");
    }

    @Test
    void javadocTextRendersAsItselfAndHoldsNoMarkup() {
        assertThat(SourceText.doc("*/ {@code x} @param <b>&\\u0041 $L /* ok */"))
                .isEqualTo("&#42;/ &#123;&#64;code x&#125; &#64;param &lt;b&gt;&amp;&#92;&#92;u0041 &#36;L "
                        + "/* ok &#42;/");
        // Invisible characters are shown as Printable shows them; other non-ASCII as references.
        assertThat(SourceText.doc("\u001b\u202eπ")).isEqualTo("&#92;x1b&#92;u&#123;202E&#125;&#x3c0;");
        // A line end in a name is escaped too; only the generator's own lines (a C definition) are lines.
        assertThat(SourceText.doc("a\n@deprecated")).isEqualTo("a&#92;x0a&#64;deprecated");
        assertThat(SourceText.docLines(List.of("struct x {", "    int *a;", "};")))
                .isEqualTo("struct x &#123;\n    int *a;\n&#125;;");
        assertThat(SourceText.code("struct x")).isEqualTo("<code>struct x</code>");
    }

    @Test
    void commentTextHoldsNoEscapeJavacWouldTranslate() {
        assertThat(SourceText.comment("p/a\\u000ab\u202eπ.bpf.o"))
                .isEqualTo("p/a\\\\\\\\u000ab\\\\u{202E}\\\\u{3c0}.bpf.o");
    }

    @Test
    void longNamesAreCutForMessages() {
        assertThat(SourceText.shown("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(SourceText.shown("x".repeat(201))).isEqualTo("x".repeat(200) + "…(201 bytes)");
    }
}
