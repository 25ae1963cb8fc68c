package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.elf.Fixtures;
import io.bpf4j.fuzz.ElfImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Objects that cannot be understood give a SpecException naming the object and the problem. */
class SpecErrorsTest {
    private static final byte[] FIXTURE = Fixtures.read(Fixtures.FIXTURE);

    @Test
    void rejectsFilesThatAreNotElf() {
        assertThatThrownBy(() -> ObjectSpec.read("notes", "just text".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SpecException.class)
                .hasMessage("notes: not an ELF file: the first 4 bytes are not \\x7fELF")
                .hasCauseInstanceOf(ElfFormatException.class)
                .satisfies(e -> assertThat(((SpecException) e).objectName()).isEqualTo("notes"));
    }

    @Test
    void rejectsNativeExecutables() throws Exception {
        Path nativeBinary = Path.of("/bin/true");
        assumeTrue(Files.isRegularFile(nativeBinary) && "amd64".equals(System.getProperty("os.arch")));
        byte[] bytes = Files.readAllBytes(nativeBinary);
        assertThatThrownBy(() -> ObjectSpec.read("true", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("true: not an eBPF object: e_machine is 62 (x86-64), expected 247 (BPF)");
    }

    @Test
    void requiresBtf() throws Exception {
        assertThatThrownBy(() -> ObjectSpec.read("opensnoop", Fixtures.renameSection(FIXTURE, ".BTF")))
                .isInstanceOf(SpecException.class)
                .hasMessage("opensnoop: missing .BTF section: compile with clang -g");
    }

    @Test
    void wrapsBtfErrors() throws Exception {
        ElfSection btf = ElfFile.parse(FIXTURE).section(".BTF").orElseThrow();
        ByteBuffer patched = Fixtures.copy(FIXTURE);
        patched.putShort((int) btf.offset(), (short) 0x1234);
        assertThatThrownBy(() -> ObjectSpec.read("fixture", patched.array()))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: invalid .BTF section: bad BTF magic 0x1234, expected 0xeb9f")
                .hasCauseInstanceOf(BtfFormatException.class);
    }

    @Test
    void requiresASymbolForEachGlobalVariable() throws Exception {
        assertThatThrownBy(() -> ObjectSpec.read("fixture", Fixtures.renameSymbol(FIXTURE, "last_pid")))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: data section '.bss': variable 'last_pid' has no ELF symbol to take its offset from");
    }

    @Test
    void requiresAnElfSectionForEachBtfDataSection() throws Exception {
        assertThatThrownBy(() -> ObjectSpec.read("fixture", Fixtures.renameSection(FIXTURE, ".data")))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: data section '.data' is in BTF but has no ELF section");
    }

    @Test
    void rejectsStaticPrograms() throws Exception {
        byte[] bytes = withSymbolInfo(FIXTURE, "handle_write", 0x02); // STB_LOCAL, STT_FUNC
        assertThatThrownBy(() -> ObjectSpec.read("fixture", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: program 'handle_write' in section 'tp/syscalls/sys_enter_write' is static:"
                        + " BPF programs must be global functions");
    }

    @Test
    void rejectsUnknownMapFields() throws Exception {
        byte[] bytes = replaceInSection(FIXTURE, ".BTF", "max_entries", "max_entriez");
        assertThatThrownBy(() -> ObjectSpec.read("fixture", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: map 'table': unknown field 'max_entriez'");
    }

    @Test
    void rejectsMapFieldsNotEncodedAsTheMacrosDo() throws Exception {
        // Renaming member "value" (a __type pointer to a struct) to "type" (a __uint) breaks the encoding.
        byte[] bytes = replaceInSection(FIXTURE, ".BTF", "\0value\0", "\0type\0\0");
        assertThatThrownBy(() -> ObjectSpec.read("fixture", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: map 'table': field 'type' is a pointer to [19] STRUCT 'fixture_value',"
                        + " expected a pointer to an array (__uint)");
    }

    @Test
    void rejectsASecondDataSectionOfTheSameName() throws Exception {
        // Every data section becomes a map named after it: two of one name would be one map twice.
        ElfImage image = ElfImage.of(FIXTURE);
        ElfImage.Section data = image.section(".data");
        ElfImage.Section copy = image.add(".data", data.type, data.contents.clone());
        copy.flags = data.flags;
        byte[] bytes = image.write();
        assertThatThrownBy(() -> ObjectSpec.read("fixture", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture: section [" + (image.sections().size() - 1) + "] '.data': a second data section"
                        + " of that name");
    }

    @Test
    void escapesNamesFromTheObjectInMessages() throws Exception {
        // A map field named with terminal escapes must not reach a terminal as they are.
        byte[] bytes = replaceInSection(FIXTURE, ".BTF", "max_entries", "max\u001b[2J_ies");
        assertThatThrownBy(() -> ObjectSpec.read("fixture\n", bytes))
                .isInstanceOf(SpecException.class)
                .hasMessage("fixture\\x0a: map 'table': unknown field 'max\\x1b[2J_ies'");
    }

    private static byte[] withSymbolInfo(byte[] bytes, String name, int info) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(bytes);
        ElfSection symtab = elf.section(".symtab").orElseThrow();
        int index = 0;
        while (!elf.symbols().get(index).name().equals(name)) {
            index++;
        }
        ByteBuffer patched = Fixtures.copy(bytes);
        patched.put((int) symtab.offset() + index * 24 + 4, (byte) info);
        return patched.array();
    }

    private static byte[] replaceInSection(byte[] bytes, String section, String from, String to)
            throws ElfFormatException {
        ElfSection target = ElfFile.parse(bytes).section(section).orElseThrow();
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = bytes.clone();
        for (int at = (int) target.offset(); at + needle.length <= target.offset() + target.size(); at++) {
            if (Arrays.equals(copy, at, at + needle.length, needle, 0, needle.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, copy, at, needle.length);
                return copy;
            }
        }
        throw new IllegalArgumentException(from + " is not in " + section);
    }
}
