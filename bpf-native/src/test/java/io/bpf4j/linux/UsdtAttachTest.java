package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * USDT: a small C program with a {@code DTRACE_PROBE1(bpf4j, tick, i)} is built with gcc
 * (systemtap-sdt-dev's {@code <sys/sdt.h>}), started, probed by pid, and told to fire three times.
 */
@RequiresKernel
class UsdtAttachTest {
    private static final String TICKER = String.join("\n",
            "#include <stdio.h>",
            "#include <sys/sdt.h>",
            "int main(void) {",
            "  char line[16];",
            "  setvbuf(stdout, NULL, _IONBF, 0);",
            "  printf(\"ready\\n\");",
            "  if (!fgets(line, sizeof line, stdin)) return 1;",
            "  for (int i = 1; i <= 3; i++) DTRACE_PROBE1(bpf4j, tick, i);",
            "  return 0;",
            "}",
            "");

    private final NativeKernel kernel = new NativeKernel();

    @Test
    void usdtProbeFiresInTheProbedProcess(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("ticker.c");
        Files.writeString(source, TICKER);
        Path binary = dir.resolve("ticker");
        Commands.run("gcc", "-O1", "-o", binary.toString(), source.toString());

        Process ticker = new ProcessBuilder(binary.toString()).start();
        try (OpenObject open = kernel.openObject("usdt_fixture", Fixtures.object("usdt_fixture.bpf.o"));
                LoadedObject loaded = open.load()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(ticker.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(out.readLine()).isEqualTo("ready");

            try (LinkHandle link = loaded.attach("on_tick",
                    new AttachTarget.Usdt(binary.toString(), "bpf4j", "tick", (int) ticker.pid()))) {
                go(ticker.getOutputStream());
                assertThat(ticker.waitFor()).isZero();

                // ticks at offset 0, sum at 8 in .bss: 1 + 2 + 3.
                assertThat(loaded.data(".bss").getLong(0)).isEqualTo(3);
                assertThat(loaded.data(".bss").getLong(8)).isEqualTo(6);
            }
        } finally {
            ticker.destroyForcibly();
        }
    }

    @Test
    void unknownProbeIsNamed() {
        try (OpenObject open = kernel.openObject("usdt_fixture", Fixtures.object("usdt_fixture.bpf.o"));
                LoadedObject loaded = open.load()) {
            assertThatThrownBy(() -> loaded.attach("on_tick", new AttachTarget.Usdt("c", "bpf4j", "nothing", -1)))
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining("usdt c:bpf4j:nothing")
                    .hasMessageContaining("no USDT probe 'bpf4j:nothing' in /");
        }
    }

    private static void go(OutputStream stdin) throws IOException {
        stdin.write("go\n".getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
    }
}
