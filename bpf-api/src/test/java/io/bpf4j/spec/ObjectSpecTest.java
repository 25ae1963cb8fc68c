package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.btf.BtfKind;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.Fixtures;
import io.bpf4j.fuzz.BtfImage;
import io.bpf4j.fuzz.ElfImage;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the fixtures and checks the spec against what clang laid out ({@code readelf -s},
 * {@code bpftool btf dump} and {@code bpftool gen skeleton} agree with these numbers).
 */
class ObjectSpecTest {
    private static final byte[] FIXTURE_BYTES = Fixtures.read(Fixtures.FIXTURE);

    private final ObjectSpec fixture = read("fixture", FIXTURE_BYTES);
    private final ObjectSpec extras = read("extras", Fixtures.read(Fixtures.EXTRAS));

    static ObjectSpec read(String name, byte[] bytes) {
        try {
            return ObjectSpec.read(name, bytes);
        } catch (SpecException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void identifiesTheObject() throws Exception {
        assertThat(fixture.name()).isEqualTo("fixture");
        assertThat(fixture.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FIXTURE_BYTES)))
                .matches("[0-9a-f]{64}");
        assertThat(fixture.license()).isEqualTo("Dual BSD/GPL");
        assertThat(extras.license()).isEqualTo("GPL");
    }

    @Test
    void findsProgramsButNotSubprograms() {
        assertThat(fixture.programs()).containsExactly(
                new ProgramSpec("handle_write", "tp/syscalls/sys_enter_write", 80, ProgramKind.TRACEPOINT,
                        "syscalls/sys_enter_write"),
                new ProgramSpec("on_switch", "raw_tp/sched_switch", 8, ProgramKind.RAW_TRACEPOINT, "sched_switch"));
        assertThat(fixture.program("account")).isEmpty(); // a static function in .text
        assertThat(fixture.program("on_switch")).contains(fixture.programs().get(1));
    }

    @Test
    void ordersProgramsSharingASectionByOffset() {
        assertThat(extras.programs()).containsExactly(
                new ProgramSpec("probe_first", "kprobe/do_unlinkat", 12, ProgramKind.KPROBE, "do_unlinkat"),
                new ProgramSpec("probe_second", "kprobe/do_unlinkat", 20, ProgramKind.KPROBE, "do_unlinkat"),
                new ProgramSpec("sleepy", "?fentry/do_unlinkat", 2, ProgramKind.FENTRY, "do_unlinkat"));
    }

    @Test
    void readsBtfDefinedMapsInOffsetOrder() {
        assertThat(fixture.maps()).containsExactly(
                new MapSpec("table", MapType.HASH, 16, 32, 1024, 1, 8, 19),
                new MapSpec("counters", MapType.ARRAY, 4, 8, 16, 0, 9, 16),
                new MapSpec("events", MapType.RINGBUF, 0, 0, 256 * 1024, 0, 0, 0));
        assertThat(fixture.btf().type(8).name()).isEqualTo("fixture_key");
        assertThat(fixture.btf().type(19).name()).isEqualTo("fixture_value");
        assertThat(fixture.btf().type(9).name()).isEqualTo("__u32");
        assertThat(fixture.btf().type(16).name()).isEqualTo("__u64");
        assertThat(fixture.map("events")).contains(fixture.maps().get(2));
        assertThat(fixture.map("missing")).isEmpty();
    }

    @Test
    void readsMapInMapProgramArraysAndExplicitSizes() {
        assertThat(extras.maps()).containsExactly(
                new MapSpec("inner", MapType.ARRAY, 4, 4, 1, 0, 8, 8),
                new MapSpec("outer", MapType.ARRAY_OF_MAPS, 4, 4, 4, 0, 8, 0),
                new MapSpec("jumps", MapType.PROG_ARRAY, 4, 4, 8, 0, 0, 0),
                new MapSpec("pinned", MapType.LRU_HASH, 8, 4, 64, 0, 31, 33));
        assertThat(extras.btf().type(31).kind()).isEqualTo(BtfKind.ENUM64);
    }

    @Test
    void laysOutDataSectionsLikeClang() {
        assertThat(fixture.dataSections()).extracting(DataSectionSpec::name).containsExactly(".rodata", ".data", ".bss");
        assertThat(fixture.dataSection(".rodata")).contains(new DataSectionSpec(".rodata", 20, true, List.of(
                new VariableSpec("min_duration", 0, 4, 55, true),
                new VariableSpec("enabled", 4, 1, 58, true),
                new VariableSpec("prefix", 5, 5, 65, true),
                new VariableSpec("settings", 12, 8, 67, true))));
        assertThat(fixture.dataSection(".data")).contains(new DataSectionSpec(".data", 10, false, List.of(
                new VariableSpec("total_bytes", 0, 8, 16, true),
                new VariableSpec("data_tag", 8, 2, 12, true))));
        assertThat(fixture.dataSection(".bss")).contains(new DataSectionSpec(".bss", 12, false, List.of(
                new VariableSpec("hit_count", 0, 8, 16, true),
                new VariableSpec("last_pid", 8, 4, 9, true))));
        assertThat(fixture.dataSection(".maps")).isEmpty();
        assertThat(fixture.dataSection("license")).isEmpty();
        assertThat(fixture.dataSection(".rodata.cst32")).isEmpty(); // constant pool: no BTF, no variables
    }

    @Test
    void keepsTheDeclaredVariableTypeWithItsQualifiers() {
        VariableSpec minDuration = fixture.dataSection(".rodata").orElseThrow().variable("min_duration").orElseThrow();
        assertThat(fixture.btf().type(minDuration.typeId()).kind()).isEqualTo(BtfKind.CONST);
        assertThat(fixture.btf().resolve(minDuration.typeId()).name()).isEqualTo("int");
    }

    @Test
    void readsCustomSectionsStaticVariablesAndKconfig() {
        assertThat(extras.dataSections()).extracting(DataSectionSpec::name)
                .containsExactly(".data.custom", ".rodata.custom", ".bss", ".kconfig");
        assertThat(extras.dataSection(".data.custom")).contains(new DataSectionSpec(".data.custom", 4, false,
                List.of(new VariableSpec("custom_counter", 0, 4, 8, true))));
        assertThat(extras.dataSection(".rodata.custom")).contains(new DataSectionSpec(".rodata.custom", 8, true,
                List.of(new VariableSpec("custom_limit", 0, 8, 44, true))));
        assertThat(extras.dataSection(".bss")).contains(new DataSectionSpec(".bss", 4, false,
                List.of(new VariableSpec("hidden_total", 0, 4, 8, false))));
        // The layout libbpf gives .kconfig (bpftool gen skeleton shows the same order and offsets).
        assertThat(extras.dataSection(".kconfig")).contains(new DataSectionSpec(".kconfig", 21, true, List.of(
                new VariableSpec("CONFIG_HZ", 0, 8, 46, true),
                new VariableSpec("LINUX_KERNEL_VERSION", 8, 4, 9, true),
                new VariableSpec("CONFIG_BPF_SYSCALL", 12, 1, 51, true),
                new VariableSpec("CONFIG_HZ_STRING", 13, 8, 56, true))));
    }

    @Test
    void exposesBtfWithFixedUpDataSections() {
        BtfType.DataSec maps = fixture.btf().dataSec(".maps").orElseThrow();
        assertThat(maps.size()).isEqualTo(0x58);
        assertThat(maps.vars()).extracting(BtfType.VarSecInfo::offset).containsExactly(0, 0x28, 0x48);
        BtfType.DataSec rodata = fixture.btf().dataSec(".rodata").orElseThrow();
        assertThat(rodata.size()).isEqualTo(20);
        assertThat(rodata.vars()).extracting(BtfType.VarSecInfo::offset).containsExactly(0, 4, 5, 12);
        assertThat(fixture.btf().dataSec("license").orElseThrow().size()).isEqualTo(13);
    }

    @Test
    void readsMapsThatShareADefinitionEachUnderItsOwnName() throws Exception {
        // Three more static maps declared with table's anonymous struct: read once, named each.
        ElfImage elf = ElfImage.of(FIXTURE_BYTES);
        BtfImage btf = BtfImage.of(elf.section(".BTF").contents);
        int definition = fixture.btf().find(BtfKind.VAR, "table").map(v -> ((BtfType.Var) v).typeId()).orElseThrow();
        BtfImage.Type maps = btf.type(fixture.btf().dataSec(".maps").orElseThrow().id());
        int[] words = Arrays.copyOf(maps.words, maps.words.length + 9);
        for (int i = 0; i < 3; i++) {
            int variable = btf.add(btf.string("table" + (i + 2)), BtfImage.VAR, 0, false, definition, 0);
            System.arraycopy(new int[] {variable, 0, 40}, 0, words, maps.words.length + 3 * i, 3);
        }
        maps.words = words;
        maps.setVlen(maps.vlen() + 3);
        elf.section(".BTF").contents = btf.write();
        ObjectSpec spec = read("fixture", elf.write());
        MapSpec table = fixture.map("table").orElseThrow();
        assertThat(spec.maps()).hasSize(6);
        for (String name : List.of("table2", "table3", "table4")) {
            assertThat(spec.map(name)).contains(new MapSpec(name, table.type(), table.keySize(), table.valueSize(),
                    table.maxEntries(), table.flags(), table.keyTypeId(), table.valueTypeId()));
        }
    }

    @Test
    void equalsAnotherReadOfTheSameBytes() {
        assertThat(read("fixture", FIXTURE_BYTES)).isEqualTo(fixture);
    }
}
