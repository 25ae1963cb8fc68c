package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names an attacker chooses (type, member, enum value, typedef, variable, map, program, section
 * names and the license of {@code hostile.bpf.o}, all at once) become text in the skeleton, never
 * code: each payload below compiles, with every lint and no warning, into classes of the same shape
 * as a benign rename's, whose code does not hold the payload and which open and load.
 */
class HostileObjectsTest {
    private static List<String> benignShape;

    @TempDir
    Path dir;

    @BeforeAll
    static void benign(@TempDir Path benignDir) throws ReflectiveOperationException {
        benignShape = HostileObjects.compileInert(HostileObjects.renamedEverywhere("benign").bytes(), benignDir);
    }

    static Stream<Arguments> payloads() {
        String code = HostileObjects.CODE;
        return Stream.of(
                Arguments.of("comment end", "*/" + code + "/*"),
                Arguments.of("backslash-u comment end", "\\u002a\\u002f" + code + "\\u002f\\u002a"),
                Arguments.of("backslash-u line end", "\\u000a" + code + "\\u000d"),
                Arguments.of("backslash-u quote", "\\u0022);" + code + "(\\u0022"),
                Arguments.of("escaped backslash-u", "\\\\u002a\\\\u002f" + code),
                Arguments.of("line end and a tag", "x\n@deprecated */" + code + "/*\n * @param"),
                Arguments.of("quote", "\");" + code + "(\""),
                Arguments.of("backslash and quote", "\\\");" + code + "(\"\\"),
                Arguments.of("inline tags", "{@code " + code + "} {@literal }} {@link #x} {@"),
                Arguments.of("HTML", "<script>alert(1)</script> &amp; &#42;&#47;" + code + "<!--"),
                Arguments.of("non-printable", "\u001b[31m\u001b]0;title\u0007\r\t\u007f\u0085\u202e\u2028" + code),
                Arguments.of("non-ASCII", "привет_π_😀_ü" + code),
                Arguments.of("JavaPoet format", "$L$S$T$N$$ $1L" + code),
                Arguments.of("Java words", "class java.lang"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void hostileNamesStayText(String label, String payload) throws ReflectiveOperationException {
        List<String> shape = HostileObjects.compileInert(HostileObjects.renamedEverywhere(payload).bytes(), dir);

        assertThat(shape).as("the classes of a benign rename").isEqualTo(benignShape);
    }

    /** Names the generator must spell itself: empty ones (anonymous types and members) and ones with no ASCII. */
    @Test
    void emptyAndForeignNamesGetValidDistinctNames() throws ReflectiveOperationException {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture())
                .rename("victim_enum", "")
                .rename("victim_small", "")
                .rename("victim_member", "привет")
                .rename("victim_text", "мир")
                .rename("VICTIM_VALUE", "π")
                .rename("VICTIM_OTHER", "😀");

        byte[] bytes = object.bytes();
        Compilation compilation = HostileObjects.compile(bytes, dir);

        HostileObjects.assertInert(compilation, bytes);
        assertThat(HostileObjects.source(compilation)).contains(
                "public long unnamed()", "public String unnamed_()", "UNNAMED(1L)", "UNNAMED_(2L)");
    }

    /** The same names, in the same object, always give the same source. */
    @Test
    void generationIsDeterministic(@TempDir Path other) {
        byte[] object = HostileObjects.renamedEverywhere("привет*/").bytes();

        String first = HostileObjects.source(HostileObjects.compile(object, dir));
        String second = HostileObjects.source(HostileObjects.compile(object, other));

        assertThat(second).isEqualTo(first);
    }
}
