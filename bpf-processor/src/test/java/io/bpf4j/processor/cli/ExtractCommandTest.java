package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void writesTheObjectsOfEachBinaryNamedAfterIt() throws IOException {
        byte[] object = Files.readAllBytes(TestObjects.object("opensnoop.bpf.o"));
        Path tool = dir.resolve("snoop");
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        binary.writeBytes(new byte[123]);
        binary.writeBytes(object);
        binary.writeBytes(object);
        Files.write(tool, binary.toByteArray());

        int status = ExtractCommand.run(err, dir.resolve("out").toString(), tool.toString());

        assertThat(status).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out/snoop.bpf.o"))).isEqualTo(object);
        assertThat(Files.readAllBytes(dir.resolve("out/snoop_2.bpf.o"))).isEqualTo(object);
    }

    @Test
    void searchesLargeBinariesWithoutReadingThemAndRefusesThoseOver2GiB() throws IOException {
        // 600 MB of holes with an object at its end is mapped, not read; 3 GiB cannot be mapped at once.
        byte[] object = Files.readAllBytes(TestObjects.object("opensnoop.bpf.o"));
        Path large = dir.resolve("large");
        Path huge = dir.resolve("huge");
        try (RandomAccessFile out = new RandomAccessFile(large.toFile(), "rw")) {
            out.seek(600_000_000L);
            out.write(object);
        }
        try (RandomAccessFile out = new RandomAccessFile(huge.toFile(), "rw")) {
            out.setLength(3L << 30);
        }

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int status = ExtractCommand.run(err, dir.resolve("out").toString(), large.toString(), huge.toString());

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(16 << 20);
        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(Files.readAllBytes(dir.resolve("out/large.bpf.o"))).isEqualTo(object);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).endsWith(
                "bpf4j extract: " + huge + ": 3221225472 bytes, more than the 2 GiB this command searches\n");
    }

    @Test
    void aBinaryWithoutObjectsFails() {
        int status = ExtractCommand.run(err, dir.toString(), "/bin/true");

        assertThat(status).isEqualTo(GenerateCommand.FAILED);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("bpf4j extract: /bin/true: no embedded BPF object (ELF, e_machine 247)\n");
    }
}
