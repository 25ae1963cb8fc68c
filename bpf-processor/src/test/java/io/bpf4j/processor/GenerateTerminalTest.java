package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.processor.cli.GenerateCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * {@code bpf4j gen} prints object-derived names (and third-party file names) escaped: an escape
 * sequence in a map name or a file name reaches the terminal as text. Its warnings are
 * {@code warning:} lines, and an object with a default binding still generates.
 */
class GenerateTerminalTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void escapeSequencesInNamesReachTheTerminalAsText() throws IOException {
        byte[] object = ObjectRewriter.of(HostileObjects.fixture())
                .rename("victim_map", "\u001b]0;pwned\u0007" + "m".repeat(70_000)).bytes();
        Path file = dir.resolve("hostile\u001b[2J.bpf.o");
        Files.write(file, object);

        int status = GenerateCommand.run(err, "--package", "p", "--out", dir.resolve("src").toString(),
                file.toString());

        String output = errors();
        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(output.chars()).as(output).allMatch(c -> c == '\n' || c >= 0x20 && c != 0x7f);
        assertThat(output).isEqualTo("bpf4j gen: " + dir + "/hostile\\x1b[2J.bpf.o: p/hostile\\x1b[2J.bpf.o: map name '"
                + "\\x1b]0;pwned\\x07" + "m".repeat(190) + "…(70010 bytes)' is 70010 bytes long; a Java string "
                + "constant holds at most 65535 bytes (class file limit)\n");
    }

    @Test
    void aFileNameWithALineEndStillGenerates() throws IOException {
        Path file = dir.resolve("host\nile\".bpf.o");
        Files.write(file, HostileObjects.fixture());

        int status = GenerateCommand.run(err, "--package", "p", "--out", dir.resolve("src").toString(),
                file.toString());

        assertThat(status).as(errors()).isEqualTo(GenerateCommand.OK);
        assertThat(errors()).isEqualTo("bpf4j gen: " + dir + "/host\\x0aile\".bpf.o -> "
                + dir.resolve("src/p/HostIleSkel.java") + "\n");
    }

    @Test
    void warningsArePrintedAndTheSkeletonIsStillWritten() throws IOException {
        Path file = dir.resolve("hostile.bpf.o");
        Files.write(file,
                ObjectRewriter.of(HostileObjects.fixture()).rename("victim_pointer", "unused_second").bytes());

        int status = GenerateCommand.run(err, "--package", "p", "--out", dir.resolve("src").toString(), "--check",
                file.toString());

        assertThat(status).as(errors()).isEqualTo(GenerateCommand.OK);
        assertThat(errors()).startsWith("bpf4j gen: " + file + ": warning: p/hostile.bpf.o: ring buffer 'victim_ring' "
                + "has no record type (the object has 2 unused_ pointers")
                .contains("--event victim_ring=victim_struct")
                .endsWith("bpf4j gen: " + file + " -> " + dir.resolve("src/p/HostileSkel.java") + " (compiles)\n");
    }

    private String errors() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
