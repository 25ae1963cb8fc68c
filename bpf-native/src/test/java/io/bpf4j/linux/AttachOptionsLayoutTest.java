package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The option structs {@link AttachOptions} lays out by hand match the installed {@code <bpf/libbpf.h>}
 * and {@code <linux/perf_event.h>}: a C program built with gcc prints the C compiler's view.
 */
class AttachOptionsLayoutTest {
    private static final String PROGRAM = String.join("\n",
            "#include <stdio.h>",
            "#include <stddef.h>",
            "#include <bpf/libbpf.h>",
            "int main(void) {",
            "  printf(\"kprobe %zu %zu %zu\\n\", sizeof(struct bpf_kprobe_opts), offsetof(struct bpf_kprobe_opts, offset),",
            "         offsetof(struct bpf_kprobe_opts, retprobe));",
            "  printf(\"uprobe %zu %zu %zu\\n\", sizeof(struct bpf_uprobe_opts), offsetof(struct bpf_uprobe_opts, retprobe),",
            "         offsetof(struct bpf_uprobe_opts, func_name));",
            "  printf(\"tc_hook %zu %zu %zu\\n\", sizeof(struct bpf_tc_hook), offsetof(struct bpf_tc_hook, ifindex),",
            "         offsetof(struct bpf_tc_hook, attach_point));",
            "  printf(\"tc_opts %zu %zu %zu %zu\\n\", sizeof(struct bpf_tc_opts), offsetof(struct bpf_tc_opts, prog_fd),",
            "         offsetof(struct bpf_tc_opts, handle), offsetof(struct bpf_tc_opts, priority));",
            "  return 0;",
            "}",
            "");

    @Test
    void optionStructsMatchLibbpfsHeader(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("layout.c"), PROGRAM);
        Path binary = dir.resolve("layout");
        Commands.run("gcc", "-o", binary.toString(), source.toString());

        String layout = Commands.run(binary.toString());

        assertThat(layout.lines()).containsExactly(
                "kprobe " + AttachOptions.KPROBE_OPTS_SIZE + " 16 24",
                "uprobe " + AttachOptions.UPROBE_OPTS_SIZE + " 24 32",
                "tc_hook " + AttachOptions.TC_HOOK_SIZE + " 8 12",
                "tc_opts " + AttachOptions.TC_OPTS_SIZE + " 8 20 24");
    }
}
