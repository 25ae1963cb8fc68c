package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** clang's -MD rule: every prerequisite, with make's escapes undone. */
class DependencyFileTest {
    @Test
    void readsEveryPrerequisiteOverContinuedLines() {
        String rule = "/p/target/classes/a.bpf.o: \\\n  /p/src/main/bpf/a.bpf.c \\\n"
                + "  /p/target/bpf4j/include/vmlinux.h \\\n  /usr/include/bpf/bpf_helpers.h\n";

        assertThat(DependencyFile.prerequisites(rule)).containsExactly(Path.of("/p/src/main/bpf/a.bpf.c"),
                Path.of("/p/target/bpf4j/include/vmlinux.h"), Path.of("/usr/include/bpf/bpf_helpers.h"));
    }

    @Test
    void undoesTheEscapesOfSpacesHashesAndDollars() {
        String rule = "/p/my\\ dir/a.bpf.o: /p/my\\ dir/a.bpf.c /p/x\\#1.h /p/cost$$.h\n";

        assertThat(DependencyFile.prerequisites(rule)).containsExactly(Path.of("/p/my dir/a.bpf.c"),
                Path.of("/p/x#1.h"), Path.of("/p/cost$.h"));
    }

    @Test
    void aColonInsideAPathDoesNotEndTheTarget() {
        assertThat(DependencyFile.prerequisites("/p/a:b/x.o: /p/a:b/x.c\n")).containsExactly(Path.of("/p/a:b/x.c"));
    }

    @Test
    void textWithoutARuleIsRejected() {
        assertThatThrownBy(() -> DependencyFile.prerequisites("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
