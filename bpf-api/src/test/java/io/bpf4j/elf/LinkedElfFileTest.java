package io.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reader of linked (non-BPF) ELF files, on this machine's C library. */
class LinkedElfFileTest {
    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    @Test
    void readsTheLoadSegmentsAndDynamicSymbolsOfASharedLibrary() throws IOException, ElfFormatException {
        LinkedElfFile libc = LinkedElfFile.parse(Files.readAllBytes(LIBC));
        assertThat(libc.type()).isEqualTo(LinkedElfFile.ET_DYN);
        assertThat(libc.machine()).isEqualTo(62);
        assertThat(libc.loadSegments()).anySatisfy(segment -> {
            assertThat(segment.isExecutable()).isTrue();
            assertThat(segment.fileSize()).isPositive();
        });
        assertThat(libc.symbols()).anySatisfy(symbol -> {
            assertThat(symbol.name()).isEqualTo("getpid");
            assertThat(symbol.isFunction()).isTrue();
            assertThat(symbol.value()).isPositive();
        });
    }

    @Test
    void theBpfObjectReaderStillRejectsLinkedFiles() throws IOException {
        assertThatThrownBy(() -> ElfFile.parse(Files.readAllBytes(LIBC)))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("not an eBPF object: e_machine is 62 (x86-64), expected 247 (BPF)");
    }

    @Test
    void rejectsRelocatableObjectsAndTruncatedTables() throws IOException {
        byte[] bpfObject = Fixtures.read(Fixtures.FIXTURE);
        assertThatThrownBy(() -> LinkedElfFile.parse(bpfObject))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("not a linked ELF file: e_type is 1, expected 2 (executable) or 3 (shared object or PIE"
                        + " executable)");
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(LIBC), 4096);
        assertThatThrownBy(() -> LinkedElfFile.parse(truncated))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("extends past the end of the file (4096 bytes)");
    }
}
