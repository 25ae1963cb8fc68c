package io.bpf4j.btf.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.btf.BtfKind;
import io.bpf4j.codec.Codec;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.Fixtures;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import io.bpf4j.spec.VariableSpec;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BtfCodec} on the bytes clang wrote for the initialised variables of
 * {@code src/test/bpf/values.bpf.c}: decoded to the values of the C initialisers, encoded back to
 * the same bytes (padding zeroed over garbage), and writes refused out of range, naming the member.
 */
class BtfCodecTest {
    private static ObjectSpec spec;
    private static ByteBuffer data;

    @BeforeAll
    static void read() throws SpecException, ElfFormatException {
        spec = ObjectSpec.read("values", Fixtures.read("/values.bpf.o"));
        ByteBuffer section = Fixtures.sectionBytes("/values.bpf.o", ".data");
        byte[] bytes = new byte[section.remaining()];
        section.get(section.position(), bytes);
        data = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    private static StructValue variable(String name) {
        return (StructValue) codec(name).decode(data, offset(name));
    }

    private static BtfCodec<BtfValue> codec(String name) {
        return BtfCodecs.variable(spec, ".data", name);
    }

    private static int offset(String name) {
        return spec.dataSection(".data").orElseThrow().variable(name).map(VariableSpec::offset).orElseThrow();
    }

    /** Encodes {@code name}'s decoded value over garbage and checks it gives clang's bytes back. */
    private static void assertReencodes(String name) {
        BtfCodec<BtfValue> codec = codec(name);
        ByteBuffer out = ByteBuffer.allocate(codec.size() + 2).order(ByteOrder.nativeOrder());
        Arrays.fill(out.array(), (byte) 0x5a);
        codec.encode(codec.decode(data, offset(name)), out, 1);
        byte[] clang = Arrays.copyOfRange(data.array(), offset(name), offset(name) + codec.size());
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(out.array(), 1, 1 + codec.size())))
                .isEqualTo(HexFormat.of().formatHex(clang));
        assertThat(out.get(0)).isEqualTo((byte) 0x5a);
        assertThat(out.get(codec.size() + 1)).isEqualTo((byte) 0x5a);
    }

    @Test
    void bitfieldsDecodeSignedAndUnsigned() {
        StructValue bits = variable("v_bits");

        assertThat(bits.javaValue()).isEqualTo(List.of(5L, -7, 0xfedcba9876L, true, -2, 0xab, -2L));
        assertThat(((EnumValue) bits.field("delta").orElseThrow()).name()).contains("VALUES_DOWN");
        assertThat(((IntegerValue) bits.get(2)).kind()).isEqualTo(ScalarKind.U64);
        assertReencodes("v_bits");
    }

    @Test
    void anonymousMembersAreReachedByTheirMembersNamesAndFlattenWithoutAPrefix() {
        StructValue anon = variable("v_anon");

        assertThat(anon.name(1)).isEmpty();
        assertThat(anon.field("number").orElseThrow().javaValue()).isEqualTo(0x64636261L);
        assertThat(anon.field("text").orElseThrow().javaValue()).isEqualTo("abcd");
        assertThat(anon.field("y").orElseThrow().javaValue()).isEqualTo(9);
        assertThat(anon.field("missing")).isEmpty();
        List<String> names = new ArrayList<>();
        anon.flatten().forEach(leaf -> names.add(leaf.name()));
        assertThat(names).containsExactly("kind", "number", "text", "x", "y", "color", "unknown")
                .isEqualTo(FlatField.names(anon.type()));
        assertReencodes("v_anon");
    }

    @Test
    void enumsAreNamedByTheirFirstEnumeratorAndKeepUnknownValues() {
        StructValue anon = variable("v_anon");

        EnumValue color = (EnumValue) anon.field("color").orElseThrow();
        assertThat(color.name()).contains("VALUES_GREEN");
        assertThat(color.raw()).isEqualTo(2);
        EnumValue unknown = (EnumValue) anon.field("unknown").orElseThrow();
        assertThat(unknown.name()).isEmpty();
        assertThat(unknown.raw()).isEqualTo(7);
        assertThat(unknown).hasToString("7");
        assertThat(unknown.javaValue()).isEqualTo(7L);
        // A value built without a codec is named by the same rule.
        assertThat(EnumValue.of(color.type(), 2).name()).contains("VALUES_GREEN");
        assertThat(EnumValue.of(color.type(), 2)).isEqualTo(color);
    }

    @Test
    void unionsKeepTheirBytesAndDecodeEveryMemberFromThem() {
        StructValue word = (StructValue) codec("v_word").decode(data, offset("v_word"));

        assertThat(word.union()).isTrue();
        assertThat(word.bytes()).hasSize(8);
        assertThat(word.javaValue()).isEqualTo(List.of(0x1122334455667788L, List.of(0x55667788L, 0x11223344L),
                List.of(0x7788, 0x5566)));
        assertReencodes("v_word");

        ValueType.Array halves = (ValueType.Array) word.type().fields().get(1).type();
        StructValue built = StructValue.ofUnionMember(word.type(), 1, ArrayValue.of(halves,
                List.of(IntegerValue.of(ScalarKind.U32, 0x55667788L), IntegerValue.of(ScalarKind.U32, 0x11223344L))));
        assertThat(built).isEqualTo(word);
        assertThat(StructValue.ofUnionBytes(word.type(), word.bytes())).isEqualTo(word);
    }

    @Test
    void int128sAreExactAndRangeChecked() {
        StructValue wide = variable("v_wide");

        assertThat(wide.get(1).javaValue()).isEqualTo(BigInteger.ONE.shiftLeft(100).negate());
        assertThat(wide.get(2).javaValue()).isEqualTo(new BigInteger("0123456789abcdeffedcba9876543210", 16));
        assertReencodes("v_wide");

        BigInteger top = BigInteger.ONE.shiftLeft(127);
        assertThatThrownBy(() -> IntegerValue.of(ScalarKind.S128, top))
                .hasMessage("an IntegerValue of S128: 170141183460469231731687303715884105728 is out of range "
                        + "-2^127 to 2^127 - 1 (s128)");
        StructValue tooBig = StructValue.of(wide.type(), List.of(wide.get(0), IntegerValue.of(ScalarKind.U128, top),
                wide.get(2)));
        assertThatThrownBy(() -> codec("v_wide").encode(tooBig, fresh(64), 0))
                .hasMessage("s: 170141183460469231731687303715884105728 is out of range -2^127 to 2^127 - 1 (s128)");
    }

    @Test
    void arraysNestAndTextIsUpToItsNulOrAllItsBytes() {
        StructValue grid = variable("v_grid");

        assertThat(grid.get(0).javaValue()).isEqualTo(List.of(List.of((short) 1, (short) -2, (short) 3),
                List.of((short) -4, (short) 5, (short) -32768)));
        assertThat(grid.get(1).javaValue()).isEqualTo(List.of("ab", "cdef"));
        TextValue full = (TextValue) grid.get(2);
        assertThat(full.text()).isEqualTo("wxyz");
        assertThat(full.length()).isEqualTo(4);
        assertThat(((TextValue) grid.get(3)).length()).isZero();
        ArrayValue slots = (ArrayValue) grid.get(4);
        assertThat(slots.longAt(2)).isEqualTo(-1L);
        assertThat(slots.get(2)).hasToString("18446744073709551615");
        assertThat(((IntegerValue) slots.get(2)).bigIntegerValue()).isEqualTo(BigInteger.ONE.shiftLeft(64)
                .subtract(BigInteger.ONE));
        assertThat(((IntegerValue) slots.get(2)).unsigned()).isTrue();
        assertThatThrownBy(() -> ((ArrayValue) grid.get(1)).longAt(0)).isInstanceOf(IllegalStateException.class);
        assertReencodes("v_grid");
    }

    @Test
    void charArraysTakeAllTheirBytesAndCutLongerTextAtAWholeCharacter() {
        StructValue grid = variable("v_grid");
        BtfCodec<BtfValue> codec = codec("v_grid");
        int full = grid.type().fields().get(2).offset();

        for (String text : List.of("wxyz", "wxyzq", "aé€", "")) {
            List<BtfValue> fields = new ArrayList<>();
            for (int i = 0; i < grid.fieldCount(); i++) {
                fields.add(i == 2 ? TextValue.of(text) : grid.get(i));
            }
            ByteBuffer out = fresh(codec.size());
            codec.encode(StructValue.of(grid.type(), fields), out, 0);
            byte[] written = Arrays.copyOfRange(out.array(), full, full + 4);
            String expected = switch (text) {
                case "wxyz", "wxyzq" -> "7778797a";
                case "aé€" -> HexFormat.of().formatHex("aé\0".getBytes(StandardCharsets.UTF_8));
                default -> "00000000";
            };
            assertThat(HexFormat.of().formatHex(written)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void nestedStructsFlattenWithDottedNamesAndReencode() {
        StructValue nested = variable("v_nested");

        assertThat(FlatField.names(nested.type())).containsExactly("anon.kind", "anon.number", "anon.text", "anon.x",
                "anon.y", "anon.color", "anon.unknown", "word.whole", "word.halves", "word.parts.lo", "word.parts.hi",
                "inner.depth", "inner.bits.low3", "inner.bits.neg5", "inner.bits.spans", "inner.bits.on",
                "inner.bits.delta", "inner.bits.tail", "inner.bits.full", "last");
        List<FlatField> leaves = nested.flatten();
        assertThat(leaves).extracting(FlatField::name).isEqualTo(FlatField.names(nested.type()));
        assertThat(leaves.get(2).value().javaValue()).isEqualTo("hi");
        assertThat(leaves.get(13).value().javaValue()).isEqualTo(-1);
        assertThat(leaves.get(19).value().javaValue()).isEqualTo(65535);
        assertReencodes("v_nested");
    }

    @Test
    void outOfRangeWritesAreRefusedNamingTheMember() {
        StructValue bits = variable("v_bits");
        BtfCodec<BtfValue> codec = codec("v_bits");

        assertThat(refused(codec, with(bits, 0, IntegerValue.of(ScalarKind.U32, 8))))
                .isEqualTo("low3: 8 is out of range 0 to 7 (3-bit unsigned bitfield)");
        assertThat(refused(codec, with(bits, 1, IntegerValue.of(ScalarKind.S32, -17))))
                .isEqualTo("neg5: -17 is out of range -16 to 15 (5-bit signed bitfield)");
        assertThat(refused(codec, with(bits, 5, IntegerValue.of(ScalarKind.U8, 256))))
                .isEqualTo("tail: 256 is out of range 0 to 255 (u8)");
        assertThat(refused(codec, with(bits, 5, TextValue.of("x"))))
                .isEqualTo("tail: an IntegerValue is needed, not a TextValue");
        assertThat(refused(codec, with(bits, 3, IntegerValue.of(ScalarKind.U8, 1))))
                .isEqualTo("on: a BoolValue is needed, not an IntegerValue");
        // In range, from another integer kind, as generated setters take a long.
        ByteBuffer out = fresh(codec.size());
        codec.encode(with(bits, 5, IntegerValue.of(ScalarKind.S64, 255)), out, 0);
        assertThat(((StructValue) codec.decode(out, 0)).get(5).javaValue()).isEqualTo(255);

        StructValue grid = variable("v_grid");
        ValueType.Array slotsType = (ValueType.Array) grid.type().fields().get(4).type();
        ArrayValue three = ArrayValue.of(slotsType, List.of(IntegerValue.of(ScalarKind.U64, 1),
                IntegerValue.of(ScalarKind.U64, 2), IntegerValue.of(ScalarKind.U64, 3)));
        assertThat(refused(codec("v_grid"), with(grid, 4, three))).isEqualTo("slots must have 4 elements, not 3");
        assertThat(refused(codec("v_anon"), bits))
                .isEqualTo("variable 'v_anon' in .data: a value of struct values_anon is needed, not one of "
                        + "struct values_bits");
    }

    @Test
    void objectNamesInMessagesAreEscaped() {
        assertThatThrownBy(() -> BtfCodecs.mapValue(spec, "no\u001bmap"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("object 'values' has no map 'no\\x1bmap'");
        assertThatThrownBy(() -> BtfCodecs.variable(spec, ".data", "v_missing"))
                .hasMessage("data section '.data' of object 'values' has no variable 'v_missing'");
        assertThatThrownBy(() -> BtfCodecs.struct(spec, "values_missing"))
                .hasMessage("the BTF of object 'values' has no struct 'values_missing'");
        assertThat(BtfCodecs.struct(spec, "values_flex").size()).isEqualTo(8);
    }

    @Test
    void aBtfCodecIsACodec() {
        Codec<StructValue> codec = BtfCodecs.struct(spec, "values_bits");

        assertThat(codec.decode(data, offset("v_bits"))).isEqualTo(variable("v_bits"));
        assertThatThrownBy(() -> codec.decode(data, data.limit() - 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Decoding allocates the value and nothing else: a struct of seven bitfields and integers is
     * one {@code StructValue} and one {@code long[7]}, no box per member.
     */
    @Test
    void decodingAllocatesOnlyTheValue() {
        BtfCodec<StructValue> codec = BtfCodecs.struct(spec, "values_bits");
        int offset = offset("v_bits");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int rounds = 100_000;
        StructValue[] kept = new StructValue[rounds];
        for (int i = 0; i < rounds; i++) {
            kept[i] = codec.decode(data, offset);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < rounds; i++) {
            kept[i] = codec.decode(data, offset);
        }
        long perDecode = (threads.getThreadAllocatedBytes(thread) - before) / rounds;

        // StructValue (at most 40 bytes) + long[7] (at most 72): seven IntegerValues would add 7 x 32.
        assertThat(perDecode).isLessThanOrEqualTo(112);
        assertThat(kept[rounds - 1]).isEqualTo(kept[0]);
    }

    private static StructValue with(StructValue struct, int index, BtfValue value) {
        List<BtfValue> fields = new ArrayList<>();
        for (int i = 0; i < struct.fieldCount(); i++) {
            fields.add(i == index ? value : struct.get(i));
        }
        return StructValue.of(struct.type(), fields);
    }

    private static String refused(BtfCodec<BtfValue> codec, BtfValue value) {
        try {
            codec.encode(value, fresh(codec.size()), 0);
            return "written";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static ByteBuffer fresh(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    @Test
    void unionsAreMadeFromOneMemberOrTheirBytes() {
        ValueType.Composite word = (ValueType.Composite) new ValueTypes(spec.btf())
                .type(spec.btf().find(BtfKind.UNION, "values_word").orElseThrow().id());

        assertThatThrownBy(() -> StructValue.of(word, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructValue.ofUnionBytes(word, new byte[7]))
                .hasMessage("the union has 8 bytes, not 7");
        StructValue whole = StructValue.ofUnionMember(word, 0, IntegerValue.of(ScalarKind.U64, -1L));
        assertThat(whole.get(2).javaValue()).isEqualTo(List.of(65535, 65535));
    }
}
