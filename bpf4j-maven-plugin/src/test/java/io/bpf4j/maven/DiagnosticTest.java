package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** clang's output becomes messages with file, line and column; the lines under each stay with it. */
class DiagnosticTest {
    private static final String OUTPUT = String.join("\n",
            "In file included from /p/src/main/bpf/a.bpf.c:3:",
            "/p/include/sample.h:2:8: error: redefinition of 'sample'",
            "    2 | struct sample {",
            "      |        ^",
            "/p/target/bpf4j/include/vmlinux.h:107772:8: note: previous definition is here",
            "/p/src/main/bpf/a.bpf.c:7:6: warning: unused variable 'spare' [-Wunused-variable]",
            "    7 |         int spare;",
            "/p/src/main/bpf/a.bpf.c:9:2: fatal error: 'bpf/bpf_helpers.h' file not found",
            "1 warning and 2 errors generated.",
            "");

    @Test
    void eachMessageHasItsPlaceSeverityAndLines() {
        List<Diagnostic> diagnostics = Diagnostic.parse(OUTPUT);

        assertThat(diagnostics).extracting(Diagnostic::text).containsExactly(
                "/p/include/sample.h:2:8: error: redefinition of 'sample'",
                "/p/target/bpf4j/include/vmlinux.h:107772:8: note: previous definition is here",
                "/p/src/main/bpf/a.bpf.c:7:6: warning: unused variable 'spare' [-Wunused-variable]",
                "/p/src/main/bpf/a.bpf.c:9:2: fatal error: 'bpf/bpf_helpers.h' file not found");
        assertThat(diagnostics).extracting(Diagnostic::severity).containsExactly(Diagnostic.Severity.ERROR,
                Diagnostic.Severity.NOTE, Diagnostic.Severity.WARNING, Diagnostic.Severity.ERROR);
        assertThat(diagnostics.get(0).context()).containsExactly("In file included from /p/src/main/bpf/a.bpf.c:3:",
                "    2 | struct sample {", "      |        ^");
        assertThat(diagnostics.get(2).line()).isEqualTo(7);
        assertThat(diagnostics.get(2).column()).isEqualTo(6);
        assertThat(diagnostics.get(3).context()).as("the closing count is no message's").isEmpty();
    }

    @Test
    void outputWithoutMessagesHasNone() {
        assertThat(Diagnostic.parse("clang: error: no such file or directory: 'x.c'\n")).isEmpty();
        assertThat(Diagnostic.parse("")).isEmpty();
    }

    @Test
    void aLineNumberBeyondAnIntIsNoMessage() {
        assertThat(Diagnostic.parse("a.c:99999999999:1: error: x\n")).isEmpty();
    }
}
