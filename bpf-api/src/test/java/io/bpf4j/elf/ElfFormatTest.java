package io.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Input that is not a well-formed BPF ELF object is rejected with a message saying why. */
class ElfFormatTest {
    private static final byte[] FIXTURE = Fixtures.read(Fixtures.FIXTURE);

    @Test
    void rejectsFilesWithoutTheElfMagic() {
        assertRejected(new byte[0], "not an ELF file");
        assertRejected("#!/bin/sh\necho hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "not an ELF file");
    }

    @Test
    void rejectsNativeExecutablesNamingTheirMachine() throws IOException {
        Path nativeBinary = Path.of("/bin/true");
        assumeTrue(Files.isRegularFile(nativeBinary) && "amd64".equals(System.getProperty("os.arch")));
        assertRejected(Files.readAllBytes(nativeBinary),
                "not an eBPF object: e_machine is 62 (x86-64), expected 247 (BPF)");
    }

    @Test
    void rejectsOtherClassesEncodingsAndFileTypes() {
        assertRejected(patched(file -> file.put(4, (byte) 1)),
                "not an eBPF object: ELF class is 1 (32-bit), expected 2 (64-bit)");
        assertRejected(patched(file -> file.put(5, (byte) 2)),
                "not an eBPF object: ELF data encoding is 2 (big-endian), expected 1 (little-endian)");
        assertRejected(patched(file -> file.putShort(16, (short) 2)),
                "not a relocatable BPF object: e_type is 2");
    }

    @Test
    void rejectsATruncatedHeader() {
        assertRejected(Arrays.copyOf(FIXTURE, 40),
                "truncated ELF header: the file has 40 bytes, an ELF64 header needs 64");
    }

    @Test
    void rejectsASectionHeaderTableOutsideTheFile() {
        assertRejected(patched(file -> file.putLong(40, FIXTURE.length - 64)),
                "section header table (35 entries at offset 0x");
        assertRejected(patched(file -> file.putLong(40, -1)), "extends past the end of the file");
        assertRejected(patched(file -> file.putShort(58, (short) 32)), "e_shentsize is 32, expected 64");
        assertRejected(patched(file -> file.putShort(62, (short) 999)),
                "section name table index 999 is out of range (the file has 35 sections)");
    }

    @Test
    void rejectsSectionContentsOutsideTheFile() throws ElfFormatException {
        int btf = ElfFile.parse(FIXTURE).section(".BTF").orElseThrow().index();
        assertRejected(patched(file -> file.putLong(sectionHeader(file, btf) + 32, Long.MAX_VALUE)),
                "section [" + btf + "] '.BTF': contents (offset 0x");
        assertRejected(patched(file -> file.putLong(sectionHeader(file, btf) + 24, -8)),
                "extend past the end of the file (" + FIXTURE.length + " bytes)");
    }

    @Test
    void rejectsNamesOutsideTheirStringTable() {
        assertRejected(patched(file -> file.putInt(sectionHeader(file, 3), 0x7fffffff)),
                "section [3]: name offset 2147483647 is outside string table 'section names'");
    }

    @Test
    void rejectsMalformedSymbolTables() throws ElfFormatException {
        int symtab = ElfFile.parse(FIXTURE).section(".symtab").orElseThrow().index();
        assertRejected(patched(file -> file.putLong(sectionHeader(file, symtab) + 56, 16)),
                "symbol table [" + symtab + "] '.symtab': entry size 16");
        assertRejected(patched(file -> file.putInt(sectionHeader(file, symtab) + 40, 999)),
                "string table index 999 is out of range");
        assertRejected(patched(file -> file.putInt(sectionHeader(file, symtab) + 40, symtab)),
                "linked section [" + symtab + "] '.symtab' is not a string table");
    }

    private static int sectionHeader(ByteBuffer file, int index) {
        return (int) file.getLong(40) + index * 64;
    }

    private static byte[] patched(Consumer<ByteBuffer> patch) {
        ByteBuffer file = Fixtures.copy(FIXTURE);
        patch.accept(file);
        return file.array();
    }

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> ElfFile.parse(bytes))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining(message);
    }
}
