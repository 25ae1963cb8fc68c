package io.bpf4j.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes the BTF clang wrote for the fixtures and checks it against {@code bpftool btf dump}. */
class BtfTest {
    private final Btf btf = parse(Fixtures.FIXTURE);

    static Btf parse(String resource) {
        try {
            return Btf.parse(Fixtures.sectionBytes(resource, ".BTF"));
        } catch (ElfFormatException | BtfFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void indexesTypesByIdWithVoidFirst() {
        assertThat(btf.types()).hasSize(82); // bpftool lists [1] to [81]
        assertThat(btf.type(0)).isEqualTo(new BtfType.Void(0));
        for (int id = 0; id < btf.types().size(); id++) {
            assertThat(btf.type(id).id()).isEqualTo(id);
        }
        assertThat(btf.type(1)).isEqualTo(new BtfType.Ptr(1, 3));
        assertThat(btf.type(2)).isEqualTo(new BtfType.Int(2, "int", 4, 0, 32, true, false, false));
        assertThat(btf.type(3)).isEqualTo(new BtfType.Array(3, 2, 4, 1));
    }

    @Test
    void decodesStructMembersAndLayout() {
        BtfType.Composite key = btf.findStruct("fixture_key").orElseThrow();
        assertThat(key.kind()).isEqualTo(BtfKind.STRUCT);
        assertThat(key.size()).isEqualTo(16);
        assertThat(key.members()).extracting(BtfType.Member::name, BtfType.Member::bitOffset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pid", 0L),
                        org.assertj.core.groups.Tuple.tuple("inner", 32L),
                        org.assertj.core.groups.Tuple.tuple("cookie", 64L));
        assertThat(btf.sizeOf(key.id())).isEqualTo(16);
        assertThat(btf.alignOf(key.id())).isEqualTo(8);

        BtfType inner = btf.resolve(key.members().get(1).typeId());
        assertThat(inner.name()).isEqualTo("fixture_inner");
        assertThat(btf.sizeOf(inner.id())).isEqualTo(4);
        assertThat(btf.alignOf(inner.id())).isEqualTo(2);
    }

    @Test
    void decodesBitfieldsUnionsAndArrays() {
        BtfType.Composite value = btf.findStruct("fixture_value").orElseThrow();
        assertThat(value.members()).extracting(BtfType.Member::name).containsExactly("u", "low", "high", "color", "name");
        assertThat(value.members().get(1)).isEqualTo(new BtfType.Member("low", value.members().get(1).typeId(), 64, 3));
        assertThat(value.members().get(2).bitOffset()).isEqualTo(67);
        assertThat(value.members().get(2).bitfieldSize()).isEqualTo(5);
        assertThat(value.members().get(2).isBitfield()).isTrue();
        assertThat(value.members().get(3).isBitfield()).isFalse();

        BtfType.Composite union = (BtfType.Composite) btf.resolve(value.members().get(0).typeId());
        assertThat(union.union()).isTrue();
        assertThat(union.kind()).isEqualTo(BtfKind.UNION);
        assertThat(union.name()).isEmpty();
        assertThat(union.members()).extracting(BtfType.Member::bitOffset).containsExactly(0L, 0L);
        assertThat(btf.sizeOf(union.id())).isEqualTo(8);

        BtfType.Array name = (BtfType.Array) btf.type(value.members().get(4).typeId());
        assertThat(name.length()).isEqualTo(12);
        assertThat(btf.sizeOf(name.id())).isEqualTo(12);
        assertThat(btf.alignOf(name.id())).isEqualTo(1);
        assertThat(btf.sizeOf(value.id())).isEqualTo(32);
        assertThat(btf.alignOf(value.id())).isEqualTo(8);
    }

    @Test
    void decodesEnums() {
        BtfType.Enum color = (BtfType.Enum) btf.find(BtfKind.ENUM, "fixture_color").orElseThrow();
        assertThat(color.size()).isEqualTo(4);
        assertThat(color.signed()).isFalse();
        assertThat(color.values()).containsExactly(new BtfType.EnumValue("COLOR_RED", 1),
                new BtfType.EnumValue("COLOR_GREEN", 2), new BtfType.EnumValue("COLOR_BLUE", 40));

        Btf extras = parse(Fixtures.EXTRAS);
        BtfType.Enum big = (BtfType.Enum) extras.find(BtfKind.ENUM64, "extras_big").orElseThrow();
        assertThat(big.size()).isEqualTo(8);
        assertThat(big.values()).extracting(BtfType.EnumValue::value).containsExactly(1L, 0x1_0000_0000L);
        BtfType.Enum signed = (BtfType.Enum) extras.find(BtfKind.ENUM, "extras_signed").orElseThrow();
        assertThat(signed.signed()).isTrue();
        assertThat(signed.values()).extracting(BtfType.EnumValue::value).containsExactly(-5L, 5L);
    }

    @Test
    void resolvesQualifiersAndTypedefs() {
        BtfType.Var minDuration = variable("min_duration");
        BtfType.Qualifier constant = (BtfType.Qualifier) btf.type(minDuration.typeId());
        assertThat(constant.kind()).isEqualTo(BtfKind.CONST);
        assertThat(constant.name()).isEmpty();
        assertThat(btf.type(constant.typeId()).kind()).isEqualTo(BtfKind.VOLATILE);
        assertThat(btf.resolve(minDuration.typeId())).isEqualTo(btf.type(2));
        assertThat(btf.sizeOf(minDuration.typeId())).isEqualTo(4);
        assertThat(btf.sizeOf(minDuration.id())).isEqualTo(4);

        BtfType bool = btf.resolve(variable("enabled").typeId());
        assertThat(bool).isInstanceOfSatisfying(BtfType.Int.class, integer -> {
            assertThat(integer.name()).isEqualTo("_Bool");
            assertThat(integer.isBool()).isTrue();
        });
        assertThat(btf.sizeOf(variable("prefix").typeId())).isEqualTo(5);
        assertThat(btf.sizeOf(variable("settings").typeId())).isEqualTo(8);
        assertThat(btf.alignOf(variable("settings").typeId())).isEqualTo(4);
    }

    @Test
    void decodesFunctionsAndPrototypes() {
        BtfType.Func handleWrite = (BtfType.Func) btf.find(BtfKind.FUNC, "handle_write").orElseThrow();
        assertThat(handleWrite.linkage()).isEqualTo(BtfType.LINKAGE_GLOBAL);
        BtfType.FuncProto proto = (BtfType.FuncProto) btf.type(handleWrite.typeId());
        assertThat(proto.returnTypeId()).isEqualTo(2);
        assertThat(proto.params()).extracting(BtfType.Param::name).containsExactly("ctx");
        BtfType ctx = btf.type(((BtfType.Ptr) btf.type(proto.params().get(0).typeId())).targetId());
        assertThat(ctx.name()).isEqualTo("trace_event_raw_sys_enter");

        BtfType.Func account = (BtfType.Func) btf.find(BtfKind.FUNC, "account").orElseThrow();
        assertThat(account.linkage()).isEqualTo(BtfType.LINKAGE_STATIC);
        assertThatThrownBy(() -> btf.sizeOf(account.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FUNC 'account' has no size");
    }

    @Test
    void keepsDataSectionsAsClangWroteThem() {
        BtfType.DataSec bss = btf.dataSec(".bss").orElseThrow();
        assertThat(bss.size()).isZero();
        assertThat(bss.vars()).extracting(BtfType.VarSecInfo::offset).containsExactly(0, 0);
        assertThat(bss.vars()).extracting(info -> btf.type(info.typeId()).name())
                .containsExactly("hit_count", "last_pid");
        assertThat(btf.dataSec(".maps").orElseThrow().vars()).hasSize(3);
        assertThat(btf.dataSec(".nothing")).isEmpty();
    }

    @Test
    void replacesDataSectionsInACopy() {
        BtfType.DataSec bss = btf.dataSec(".bss").orElseThrow();
        BtfType.DataSec fixed = new BtfType.DataSec(bss.id(), ".bss", 12, List.of(
                new BtfType.VarSecInfo(bss.vars().get(0).typeId(), 0, 8),
                new BtfType.VarSecInfo(bss.vars().get(1).typeId(), 8, 4)));
        Btf copy = btf.withDataSecs(List.of(fixed));
        assertThat(copy.dataSec(".bss")).contains(fixed);
        assertThat(btf.dataSec(".bss")).contains(bss);
        assertThat(copy.sizeOf(bss.id())).isEqualTo(12);

        BtfType.DataSec renamed = new BtfType.DataSec(bss.id(), ".data", 12, List.of());
        assertThatThrownBy(() -> btf.withDataSecs(List.of(renamed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATASEC '.bss' cannot be replaced by data section '.data'");
        BtfType.DataSec notADataSec = new BtfType.DataSec(2, "int", 4, List.of());
        assertThatThrownBy(() -> btf.withDataSecs(List.of(notADataSec)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheIdWhenItIsOutOfRange() {
        assertThatThrownBy(() -> btf.type(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTF type 99 is out of range (the last type is 81)");
        assertThatThrownBy(() -> btf.sizeOf(-1)).hasMessageContaining("BTF type -1 is out of range");
        assertThatThrownBy(() -> btf.resolve(82)).hasMessageContaining("BTF type 82 is out of range");
        assertThatThrownBy(() -> btf.alignOf(1000)).hasMessageContaining("BTF type 1000 is out of range");
    }

    @Test
    void describesTypesForMessages() {
        assertThat(btf.findStruct("fixture_key").orElseThrow().describe()).isEqualTo("[8] STRUCT 'fixture_key'");
        assertThat(btf.type(1).describe()).isEqualTo("[1] PTR");
    }

    @Test
    void equalsAnotherParseOfTheSameBytes() {
        assertThat(parse(Fixtures.FIXTURE)).isEqualTo(btf).hasSameHashCodeAs(btf);
        assertThat(parse(Fixtures.EXTRAS)).isNotEqualTo(btf);
        assertThat(btf).hasToString("Btf[81 types]");
    }

    private BtfType.Var variable(String name) {
        return (BtfType.Var) btf.find(BtfKind.VAR, name).orElseThrow();
    }
}
