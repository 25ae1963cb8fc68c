package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Objects embedded in a binary are found and cut out byte for byte; look-alikes are not. */
class EmbeddedObjectsTest {
    @Test
    void cutsEachEmbeddedObjectOutByItsOwnSize() throws IOException {
        byte[] opensnoop = Files.readAllBytes(TestObjects.object("opensnoop.bpf.o"));
        byte[] maps = Files.readAllBytes(TestObjects.object("maps.bpf.o"));
        // A host binary: its own ELF header (not BPF) first, then the objects among other bytes.
        byte[] host = Arrays.copyOf(Files.readAllBytes(Path.of("/bin/true")), 4096);

        byte[] binary = concat(host, opensnoop, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3}, maps, new byte[100]);

        assertThat(EmbeddedObjects.find(binary)).containsExactly(opensnoop, maps);
    }

    @Test
    void aTruncatedObjectIsNotAnObject() throws IOException {
        byte[] opensnoop = Files.readAllBytes(TestObjects.object("opensnoop.bpf.o"));

        assertThat(EmbeddedObjects.find(Arrays.copyOf(opensnoop, opensnoop.length - 1))).isEmpty();
    }

    @Test
    void aProgramWithoutEmbeddedObjectsHasNone() throws IOException {
        assertThat(EmbeddedObjects.find(Files.readAllBytes(Path.of("/bin/true")))).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
