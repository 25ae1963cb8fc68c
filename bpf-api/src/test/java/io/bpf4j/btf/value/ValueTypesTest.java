package io.bpf4j.btf.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfBlob;
import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.btf.BtfKind;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.Fixtures;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The value layout rules on clang's types ({@code src/test/bpf/values.bpf.c}) and on hand-made
 * BTF for every refusal, with the messages the annotation processor reports for the same types.
 */
class ValueTypesTest {
    private static final int SIGNED = 1;
    private static final int BOOL = 4;

    private static ObjectSpec spec;
    private static ValueTypes types;

    @BeforeAll
    static void read() throws SpecException {
        spec = ObjectSpec.read("values", Fixtures.read("/values.bpf.o"));
        types = new ValueTypes(spec.btf());
    }

    private static ValueType.Composite struct(String name) {
        return (ValueType.Composite) types.type(spec.btf().findStruct(name).orElseThrow().id());
    }

    private static ValueType.Composite union(String name) {
        return (ValueType.Composite) types.type(spec.btf().find(BtfKind.UNION, name).orElseThrow().id());
    }

    @Test
    void bitfieldsHaveTheirDeclaredKindShiftWidthAndSign() {
        List<ValueType.Field> fields = struct("values_bits").fields();

        assertThat(fields).extracting(ValueType.Field::name)
                .containsExactly("low3", "neg5", "spans", "on", "delta", "tail", "full");
        assertThat(fields.get(0).type()).isEqualTo(new ValueType.BitField(ScalarKind.U32, 0, 3, null));
        assertThat(fields.get(1).type()).isEqualTo(new ValueType.BitField(ScalarKind.S32, 3, 5, null));
        // The 40 bits fit the u64 unit after the first 8 bits: they start at bit 8, byte 1.
        assertThat(fields.get(2).offset()).isEqualTo(1);
        assertThat(fields.get(2).type()).isEqualTo(new ValueType.BitField(ScalarKind.U64, 0, 40, null));
        ValueType.BitField on = (ValueType.BitField) fields.get(3).type();
        assertThat(on.kind()).isEqualTo(ScalarKind.BOOL);
        assertThat(on.signed()).isFalse();
        ValueType.BitField delta = (ValueType.BitField) fields.get(4).type();
        assertThat(delta.signed()).isTrue();
        assertThat(delta.enumType().btfType().name()).isEqualTo("values_delta");
        assertThat(fields.get(5).type()).isEqualTo(new ValueType.Scalar(ScalarKind.U8));
        // A 64-bit bitfield is still one: BTF marks it so, and it keeps its declared signed kind.
        assertThat(fields.get(6).type()).isEqualTo(new ValueType.BitField(ScalarKind.S64, 0, 64, null));
        assertThat(fields.get(6).type().size()).isEqualTo(8);
    }

    @Test
    void anonymousMembersAreFieldsWithoutANameAndEnumsAreHeldRaw() {
        ValueType.Composite anon = struct("values_anon");

        assertThat(anon.fields()).extracting(ValueType.Field::name)
                .containsExactly("kind", "", "", "color", "unknown");
        assertThat(anon.fields()).extracting(ValueType.Field::offset).containsExactly(0, 4, 8, 12, 16);
        ValueType.Composite inner = (ValueType.Composite) anon.fields().get(1).type();
        assertThat(inner.union()).isTrue();
        assertThat(inner.name()).isEmpty();
        assertThat(inner.fields().get(1).type()).isEqualTo(new ValueType.Text(4));
        assertThat(anon.fields().get(1).anonymous()).isTrue();
        ValueType.Enumerated color = (ValueType.Enumerated) anon.fields().get(3).type();
        assertThat(color.kind()).isEqualTo(ScalarKind.U32);
        assertThat(color.btfType().values()).hasSize(3);
    }

    @Test
    void flexibleArrayMembersAreLeftOutOfTheFixedLayout() {
        ValueType.Composite flex = struct("values_flex");

        assertThat(flex.size()).isEqualTo(8);
        assertThat(flex.fields()).extracting(ValueType.Field::name).containsExactly("count");
        assertThat(flex.flexibleMembers()).extracting(BtfType.Member::name).containsExactly("items");
    }

    @Test
    void arraysNestAndCharArraysAreText() {
        List<ValueType.Field> fields = struct("values_grid").fields();

        ValueType.Array cells = (ValueType.Array) fields.get(0).type();
        assertThat(cells.length()).isEqualTo(2);
        assertThat(cells.element()).isEqualTo(new ValueType.Array(((ValueType.Array) cells.element()).elementTypeId(),
                new ValueType.Scalar(ScalarKind.S16), 3));
        assertThat(cells.size()).isEqualTo(12);
        ValueType.Array names = (ValueType.Array) fields.get(1).type();
        assertThat(names.element()).isEqualTo(new ValueType.Text(4));
        assertThat(fields.get(2).type()).isEqualTo(new ValueType.Text(4));
        assertThat(((ValueType.Array) fields.get(4).type()).element()).isEqualTo(new ValueType.Scalar(ScalarKind.U64));
    }

    @Test
    void int128AndUnionsAreScalarsAndCompositesOfTheirOwn() {
        List<ValueType.Field> wide = struct("values_wide").fields();
        assertThat(wide).extracting(field -> field.type()).containsExactly(new ValueType.Scalar(ScalarKind.U8),
                new ValueType.Scalar(ScalarKind.S128), new ValueType.Scalar(ScalarKind.U128));
        assertThat(wide).extracting(ValueType.Field::offset).containsExactly(0, 16, 32);

        ValueType.Composite word = union("values_word");
        assertThat(word.union()).isTrue();
        assertThat(word.fields()).extracting(ValueType.Field::offset).containsOnly(0);
    }

    @Test
    void oneInstanceGivesTheSameCompositeEveryTime() {
        ValueType.Composite nested = struct("values_nested");

        assertThat(nested.fields().get(0).type()).isSameAs(struct("values_anon"));
        assertThat(ValueTypes.of(spec.btf(), nested.btfType().id())).isEqualTo(nested);
    }

    @Test
    void typedefsAndQualifiersAreLookedThrough() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.type(blob.string("unsigned int"), BtfKind.INT, 0, false, 4, 32); // [1]
        blob.typedef("u32", 1); // [2]
        blob.type(0, BtfKind.CONST, 0, false, 2); // [3]
        blob.type(0, BtfKind.VOLATILE, 0, false, 3); // [4]
        blob.type(blob.string("_Bool"), BtfKind.INT, 0, false, 1, BOOL << 24 | 8); // [5]
        blob.type(0, BtfKind.PTR, 0, false, 5); // [6]
        Btf btf = Btf.parse(blob.build());

        assertThat(ValueTypes.of(btf, 4)).isEqualTo(new ValueType.Scalar(ScalarKind.U32));
        assertThat(ValueTypes.of(btf, 5)).isEqualTo(new ValueType.Scalar(ScalarKind.BOOL));
        assertThat(ValueTypes.of(btf, 6)).isEqualTo(new ValueType.Scalar(ScalarKind.POINTER));
    }

    @Test
    void longDoubleIsRefusedNamingTheMember() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.type(blob.string("long double"), BtfKind.FLOAT, 0, false, 16); // [1]
        blob.type(blob.string("s"), BtfKind.STRUCT, 1, false, 16, blob.string("x"), 1, 0); // [2]

        assertRefused(blob, 2, "struct s, member 'x' (long double): 16-byte floating-point numbers are not "
                + "supported yet");
    }

    @Test
    void forwardDeclarationsAndVoidHaveNoValue() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.type(blob.string("later"), BtfKind.FWD, 0, false, 0); // [1]

        assertRefused(blob, 1, "struct later is only declared, not defined, so its layout is unknown");
        assertRefused(blob, 0, "void has no value to map");
    }

    @Test
    void bitfieldsOf128BitsAreRefused() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.type(blob.string("__int128"), BtfKind.INT, 0, false, 16, SIGNED << 24 | 128); // [1]
        blob.type(blob.string("s"), BtfKind.STRUCT, 1, true, 16, blob.string("b"), 1, 100 << 24); // [2]

        assertRefused(blob, 2, "struct s, member 'b': bitfields of __int128 are not supported");
    }

    @Test
    void membersNotStartingOnAByteAreRefused() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.int32("int"); // [1]
        blob.type(blob.string("s"), BtfKind.STRUCT, 1, false, 8, blob.string("m"), 1, 4); // [2]

        assertRefused(blob, 2, "struct s, member 'm': members that do not start on a byte are not supported yet");
    }

    @Test
    void membersOutsideTheirOwnerAreRefused() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.int32("int"); // [1]
        blob.type(blob.string("s"), BtfKind.STRUCT, 1, false, 2, blob.string("m"), 1, 0); // [2]

        assertRefused(blob, 2, "struct s, member 'm': lies outside the type's 2 bytes");
    }

    @Test
    void zeroLengthArraysAreRefusedOutsideAStruct() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.int32("int"); // [1]
        blob.type(0, BtfKind.ARRAY, 0, false, 0, 1, 1, 0); // [2]

        assertRefused(blob, 2, "a zero-length (flexible) array has no fixed layout; only a struct's last member "
                + "may be one");
    }

    @Test
    void typesNestedDeeperThanTheLimitAreRefused() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.int32("int"); // [1]
        for (int i = 0; i <= ValueTypes.MAX_DEPTH; i++) {
            blob.type(0, BtfKind.ARRAY, 0, false, 0, 1 + i, 1, 1); // [2 + i], an array of the previous type
        }
        Btf btf = Btf.parse(blob.build());

        // 32 arrays around the int are 32 levels: allowed; one more is refused.
        assertThat(ValueTypes.of(btf, 1 + ValueTypes.MAX_DEPTH)).isInstanceOf(ValueType.Array.class);
        assertThatThrownBy(() -> ValueTypes.of(btf, 2 + ValueTypes.MAX_DEPTH))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessage("types nest deeper than 32 levels (structs in structs, arrays of arrays), the most the "
                        + "kernel's BTF checker and the generator take");
    }

    @Test
    void longNamesAreCutInMessages() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        blob.type(blob.string("long double"), BtfKind.FLOAT, 0, false, 16); // [1]
        String name = "n".repeat(300);
        blob.type(blob.string(name), BtfKind.STRUCT, 1, false, 16, blob.string("x"), 1, 0); // [2]

        assertRefused(blob, 2, "struct " + "n".repeat(CTypeNames.SHOWN_LENGTH) + "…(300 bytes), member 'x' "
                + "(long double): 16-byte floating-point numbers are not supported yet");
    }

    private static void assertRefused(BtfBlob blob, int typeId, String message) throws BtfFormatException {
        Btf btf = Btf.parse(blob.build());
        assertThatThrownBy(() -> ValueTypes.of(btf, typeId))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessage(message);
    }
}
