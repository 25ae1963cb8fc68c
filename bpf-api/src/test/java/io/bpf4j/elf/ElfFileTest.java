package io.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** Reads the clang-built fixture and checks sections, symbols and contents against readelf. */
class ElfFileTest {
    private final ElfFile elf = parse(Fixtures.FIXTURE);

    private static ElfFile parse(String resource) {
        try {
            return ElfFile.parse(Fixtures.read(resource));
        } catch (ElfFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listsSectionsInHeaderOrderWithTheirIndex() {
        assertThat(elf.sections().get(0).type()).isEqualTo(ElfSection.SHT_NULL);
        for (int i = 0; i < elf.sections().size(); i++) {
            assertThat(elf.sections().get(i).index()).isEqualTo(i);
        }
        assertThat(elf.sections()).extracting(ElfSection::name).contains(
                ".text", "tp/syscalls/sys_enter_write", "raw_tp/sched_switch", ".rodata", ".data", ".bss",
                ".maps", "license", ".BTF", ".BTF.ext", ".symtab", ".strtab");
    }

    @Test
    void describesProgramAndDataSections() {
        ElfSection program = elf.section("tp/syscalls/sys_enter_write").orElseThrow();
        assertThat(program.isExecutable()).isTrue();
        assertThat(program.isWritable()).isFalse();
        assertThat(program.size()).isEqualTo(640);

        ElfSection rodata = elf.section(".rodata").orElseThrow();
        assertThat(rodata.isAlloc()).isTrue();
        assertThat(rodata.isWritable()).isFalse();
        assertThat(rodata.isExecutable()).isFalse();
        assertThat(rodata.size()).isEqualTo(20);

        ElfSection bss = elf.section(".bss").orElseThrow();
        assertThat(bss.isNoBits()).isTrue();
        assertThat(bss.isWritable()).isTrue();
        assertThat(bss.size()).isEqualTo(12);

        assertThat(elf.section(".maps").orElseThrow().size()).isEqualTo(0x58);
        assertThat(elf.section("no such section")).isEmpty();
    }

    @Test
    void readsSymbolsWithTheirBindingTypeAndSection() {
        assertThat(elf.symbols().get(0)).isEqualTo(new ElfSymbol("", 0, 0, ElfSymbol.STT_NOTYPE,
                ElfSymbol.STB_LOCAL, ElfSymbol.SHN_UNDEF));
        int programSection = elf.section("tp/syscalls/sys_enter_write").orElseThrow().index();
        assertThat(symbol("handle_write")).isEqualTo(new ElfSymbol("handle_write", 0, 640, ElfSymbol.STT_FUNC,
                ElfSymbol.STB_GLOBAL, programSection));
        assertThat(symbol("handle_write").isFunction()).isTrue();
        assertThat(symbol("handle_write").isGlobal()).isTrue();

        ElfSymbol subprogram = symbol("account");
        assertThat(subprogram.isFunction()).isTrue();
        assertThat(subprogram.isGlobal()).isFalse();
        assertThat(subprogram.sectionIndex()).isEqualTo(elf.section(".text").orElseThrow().index());
        assertThat(subprogram.size()).isEqualTo(112);

        ElfSymbol variable = symbol("last_pid");
        assertThat(variable.isObject()).isTrue();
        assertThat(variable.value()).isEqualTo(8);
        assertThat(variable.size()).isEqualTo(4);
        assertThat(variable.sectionIndex()).isEqualTo(elf.section(".bss").orElseThrow().index());
    }

    @Test
    void listsTheSymbolsOfASection() {
        ElfSection maps = elf.section(".maps").orElseThrow();
        assertThat(elf.symbols(maps)).extracting(ElfSymbol::name).containsExactly("table", "counters", "events");
        assertThat(elf.symbols(elf.section(".BTF").orElseThrow())).isEmpty();
    }

    @Test
    void weakExternsAreUndefinedWeakSymbols() {
        ElfFile extras = parse(Fixtures.EXTRAS);
        ElfSymbol weak = extras.symbols().stream().filter(s -> s.name().equals("CONFIG_HZ")).findFirst().orElseThrow();
        assertThat(weak.isWeak()).isTrue();
        assertThat(weak.isGlobal()).isFalse();
        assertThat(weak.sectionIndex()).isEqualTo(ElfSymbol.SHN_UNDEF);
    }

    @Test
    void contentsAreReadOnlyLittleEndianSlices() {
        ByteBuffer license = elf.contents(elf.section("license").orElseThrow());
        assertThat(license.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(license.isReadOnly()).isTrue();
        assertThat(license.position()).isZero();
        byte[] text = new byte[license.remaining()];
        license.get(text);
        assertThat(new String(text, StandardCharsets.US_ASCII)).isEqualTo("Dual BSD/GPL\0");
        assertThatThrownBy(() -> license.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);

        ByteBuffer btf = elf.contents(elf.section(".BTF").orElseThrow());
        assertThat(Short.toUnsignedInt(btf.getShort(0))).isEqualTo(0xeb9f); // read little-endian
    }

    @Test
    void noBitsSectionsHaveNoContents() {
        assertThat(elf.contents(elf.section(".bss").orElseThrow()).remaining()).isZero();
    }

    @Test
    void rejectsSectionsOfAnotherFile() {
        ElfSection foreign = parse(Fixtures.EXTRAS).section(".maps").orElseThrow();
        assertThatThrownBy(() -> elf.contents(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'.maps' is not a section of this file");
    }

    @Test
    void copiesTheInputSoLaterChangesDoNotShow() throws ElfFormatException {
        byte[] bytes = Fixtures.read(Fixtures.FIXTURE);
        ElfFile parsed = ElfFile.parse(bytes);
        ElfSection license = parsed.section("license").orElseThrow();
        bytes[(int) license.offset()] = 'X';
        assertThat(parsed.contents(license).get(0)).isEqualTo((byte) 'D');
    }

    private ElfSymbol symbol(String name) {
        return elf.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
