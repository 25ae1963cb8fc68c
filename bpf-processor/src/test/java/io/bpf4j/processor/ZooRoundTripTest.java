package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.Kernel;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.VariableSpec;
import io.bpf4j.spi.Backends;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.BiFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated types of the type zoo ({@code src/test/bpf/p/zoo.bpf.c}): decodes the
 * {@code .data} bytes clang initialised (so bitfields, unions, nested arrays and enums are checked
 * against clang's own layout, not against the generator's idea of it), re-encodes them to the
 * same bytes, round-trips extreme values, and compares views with records.
 */
class ZooRoundTripTest {
    private static final JavaFileObject SCENARIO = JavaFileObjects.forSourceString("p.ZooScenario", """
            package p;

            import io.bpf4j.BpfSkeleton;
            import io.bpf4j.Kernel;
            import java.nio.ByteBuffer;
            import java.nio.ByteOrder;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.HexFormat;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.BiFunction;
            import p.ZooSkel.*;

            @BpfSkeleton(value = "zoo.bpf.o", name = "ZooSkel")
            public final class ZooScenario
                    implements BiFunction<Map<String, ByteBuffer>, Kernel, Map<String, Object>> {
                private final Map<String, Object> seen = new LinkedHashMap<>();

                @Override
                public Map<String, Object> apply(Map<String, ByteBuffer> clang, Kernel kernel) {
                    ZooBits bits = ZooBits.CODEC.decode(clang.get("init_bits"), 0);
                    seen.put("clang bits", bits);
                    seen.put("bits re-encoded", reencoded(ZooBits.CODEC, bits, clang.get("init_bits")));
                    ZooTagged tagged = ZooTagged.CODEC.decode(clang.get("init_tagged"), 0);
                    seen.put("clang tagged", List.of(tagged.kind(), tagged.anon1().number(), tagged.anon2(),
                            tagged.trailer()));
                    seen.put("tagged re-encoded", reencoded(ZooTagged.CODEC, tagged, clang.get("init_tagged")));
                    ZooWord word = ZooWord.CODEC.decode(clang.get("init_word"), 0);
                    seen.put("clang word", List.of(word.parts(), Long.toHexString(word.whole()),
                            Arrays.toString(word.halves()), Arrays.toString(word.bytes_())));
                    ZooArrays arrays = ZooArrays.CODEC.decode(clang.get("init_arrays"), 0);
                    seen.put("clang arrays", arrays);
                    seen.put("arrays re-encoded", reencoded(ZooArrays.CODEC, arrays, clang.get("init_arrays")));
                    ZooWide wide = ZooWide.CODEC.decode(clang.get("init_wide"), 0);
                    seen.put("clang wide", List.of(wide.s128(), wide.u128().get(0).toString(16),
                            wide.u128().get(1).toString(16),
                            reencoded(ZooWide.CODEC, wide, clang.get("init_wide")),
                            new ZooWide.View().wrap(clang.get("init_wide"), 0).u128(1).equals(wide.u128().get(1))));
                    long neg64 = clang.get("init_neg64").getLong(0);
                    long big = clang.get("init_big").getLong(0);
                    seen.put("enums", List.of(ZooNeg64.of(neg64).orElseThrow(), ZooBig.of(big).orElseThrow(),
                            ZooState.of(5).orElseThrow(), ZooState.of(4294967280L).orElseThrow(),
                            ZooState.of(99).isPresent(), ZooDelta.of(-2).orElseThrow(), ZooSmall.of(200).orElseThrow(),
                            ZooBig.ZOO_BIG_TOP.value() == big));

                    extremes();
                    views(clang);
                    skeleton(kernel);
                    return seen;
                }

                private void extremes() {
                    ZooBits max = new ZooBits(7, 15, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, 3, 255, 127);
                    ZooBits min = new ZooBits(0, -16, 0, 0, -(1 << 22), false, -4, 0, 0);
                    seen.put("bits max", roundTrip(ZooBits.CODEC, max));
                    seen.put("bits min", roundTrip(ZooBits.CODEC, min));
                    List<ZooBits> outOfRange = List.of(
                            new ZooBits(8, 15, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, 3, 255, 127),
                            new ZooBits(7, 16, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, 3, 255, 127),
                            new ZooBits(7, 15, 1 << 20, (1L << 40) - 1, (1 << 22) - 1, true, 3, 255, 127),
                            new ZooBits(7, 15, 0xfffff, 1L << 40, (1 << 22) - 1, true, 3, 255, 127),
                            new ZooBits(7, 15, 0xfffff, (1L << 40) - 1, 1 << 22, true, 3, 255, 127),
                            new ZooBits(7, 15, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, -5, 255, 127),
                            new ZooBits(7, 15, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, 3, 256, 127),
                            new ZooBits(7, 15, 0xfffff, (1L << 40) - 1, (1 << 22) - 1, true, 3, 255, 128));
                    List<String> refused = new java.util.ArrayList<>();
                    for (ZooBits bad : outOfRange) {
                        try {
                            ZooBits.CODEC.encode(bad, fresh(ZooBits.SIZE), 0);
                            refused.add("written: " + bad);
                        } catch (IllegalArgumentException e) {
                            refused.add(e.getMessage());
                        }
                    }
                    seen.put("bits out of range", refused);
                    ByteBuffer buffer = fresh(ZooBits.SIZE);
                    ZooBits.CODEC.encode(max, buffer, 0);
                    seen.put("bits max bytes", HexFormat.of().formatHex(buffer.array()));

                    ZooScalars scalars = new ZooScalars(Byte.MIN_VALUE, 255, Short.MIN_VALUE, 65535,
                            Integer.MIN_VALUE, 0xffffffffL, Long.MIN_VALUE, -1L, true, (byte) 'z',
                            0xffff_8000_0000_1000L, 4_000_000_000L, 0xfffffff0L, -2, 200, -256L, Long.MIN_VALUE);
                    ZooNested nested = new ZooNested(scalars, max,
                            new ZooNestedInner(new ZooCountsT(1, 4_294_967_295L), -5L),
                            new ZooTagged(255, ZooTaggedAnon1.ofText("hello"), new ZooTaggedAnon2(65535, 0), 7));
                    seen.put("nested", List.of(nested, roundTrip(ZooNested.CODEC, nested)));
                    ZooPacked packed = new ZooPacked(255, -1L, 65535);
                    seen.put("packed", List.of(packed, roundTrip(ZooPacked.CODEC, packed)));
                    ZooPadded padded = new ZooPadded(1, new int[] {0, 0, 0}, 4_000_000_000L, -1L);
                    seen.put("padded", List.of(padded, roundTrip(ZooPadded.CODEC, padded)));
                    java.math.BigInteger top = java.math.BigInteger.ONE.shiftLeft(127);
                    List<String> wideRefused = new java.util.ArrayList<>();
                    for (ZooWide bad : List.of(new ZooWide(1, top, List.of(top, top)),
                            new ZooWide(1, top.negate(), List.of(top, top.shiftLeft(1))),
                            new ZooWide(1, top.negate(), List.of(java.math.BigInteger.ONE.negate(), top)))) {
                        try {
                            ZooWide.CODEC.encode(bad, fresh(ZooWide.SIZE), 0);
                            wideRefused.add("written");
                        } catch (IllegalArgumentException e) {
                            wideRefused.add(e.getMessage());
                        }
                    }
                    ZooWide widest = new ZooWide(255, top.negate(), List.of(top.shiftLeft(1).subtract(
                            java.math.BigInteger.ONE), java.math.BigInteger.ZERO));
                    wideRefused.add(String.valueOf(roundTrip(ZooWide.CODEC, widest).equals(widest)));
                    seen.put("wide out of range", wideRefused);
                    ZooClash clash = new ZooClash(1, 2, 3, 4, 5, 6);
                    seen.put("clash", List.of(clash, roundTrip(ZooClash.CODEC, clash)));
                    ZooWord halves = ZooWord.ofHalves(new long[] {1, 0xffffffffL});
                    seen.put("union", List.of(Long.toHexString(halves.whole()), halves.parts(),
                            roundTrip(ZooWord.CODEC, halves).equals(halves),
                            ZooWord.ofParts(new ZooWordParts(0x1234, 0x5678)).whole()));
                    ZooEvent event = new ZooEvent(42, 5, min, halves, "java", new long[] {1, 2, 3, -1});
                    seen.put("event", List.of(event, roundTrip(ZooEvent.CODEC, event)));
                }

                private void views(Map<String, ByteBuffer> clang) {
                    ByteBuffer arraysBytes = clang.get("init_arrays");
                    ZooArrays.View arrays = new ZooArrays.View().wrap(arraysBytes, 0);
                    byte[] comm = new byte[16];
                    seen.put("arrays view", List.of(arrays.grid(1, 2), arrays.cube(1, 1, 0), arrays.names(1),
                            arrays.packs(1).port(), arrays.words(0).whole(), arrays.deltas(1), arrays.comm(comm),
                            arrays.one(2), arrays.decode().equals(ZooArrays.CODEC.decode(arraysBytes, 0))));

                    ByteBuffer buffer = fresh(ZooBits.SIZE + 3);
                    ZooBits.View bits = new ZooBits.View().wrap(buffer, 3);
                    bits.low3(6).signed5(-9).wide20(0x12345).spans(0xabcdef0123L).neg23(-77).on(true).delta(-3)
                            .tail(0x42).top7(99);
                    ZooBits decoded = ZooBits.CODEC.decode(buffer, 3);
                    seen.put("bits view", List.of(decoded, bits.signed5(), bits.neg23(), bits.spans(),
                            bits.decode().equals(decoded)));

                    ByteBuffer nested = fresh(ZooNested.SIZE);
                    ZooNested.View view = new ZooNested.View().wrap(nested, 0);
                    view.scalars().u32(0xffffffffL).s8((byte) -1).state(5);
                    view.inner().counts().hits(9);
                    view.tagged().anon1().text("abcdef");
                    view.tagged().anon2().y(3);
                    seen.put("nested view", List.of(view.scalars().u32(), view.scalars().s8(),
                            ZooState.of(view.scalars().state()).orElseThrow(), view.inner().counts().hits(),
                            view.tagged().anon1().text(), view.tagged().anon1().number(), view.tagged().anon2().y(),
                            view.decode().equals(ZooNested.CODEC.decode(nested, 0))));
                }

                private void skeleton(Kernel kernel) {
                    try (ZooSkel.Open open = ZooSkel.open(kernel)) {
                        open.rodata().wantedState(ZooState.ZOO_DEAD.value()).pids(new long[][] {{1, 2}, {3, 4}});
                        try (ZooSkel skel = open.load()) {
                            skel.bss().lastSmall(200).totals(new ZooCountsT(3, 4));
                            skel.bss().lastEventView().pid(77).bits().signed5(-3);
                            seen.put("bss view", List.of(skel.bss().lastEvent().pid(),
                                    skel.bss().lastEvent().bits().signed5(), skel.bss().totalsView().misses()));
                            ZooBits key = new ZooBits(1, -1, 2, 3, -4, true, -2, 5, 6);
                            skel.maps().words().put(key, ZooWord.ofWhole(-1L));
                            seen.put("skeleton", List.of(skel.rodata().wantedState(),
                                    Arrays.deepToString(skel.rodata().pids()), skel.bss().lastSmall(),
                                    skel.bss().totals(), skel.maps().words().get(key).orElseThrow().whole()));
                            skel.maps().grids().put(ZooState.ZOO_DEAD.value(), new int[][] {{1, 2, 3}, {4, 5, -6}});
                            seen.put("array value", Arrays.deepToString(
                                    skel.maps().grids().get(ZooState.ZOO_DEAD.value()).orElseThrow()));
                            ringBuffer(skel);
                            io.bpf4j.perfbuf.BpfPerfBuffer<ZooEvent> perf = skel.maps().perfEvents();
                            seen.put("perf", List.of(perf.name(), perf.recordSize()));
                        }
                    }
                    try {
                        new ZooArrays(new int[3], new int[][] {{1, 2, 3}, {4, 5}}, new int[2][2][2], List.of("", ""),
                                List.of(), List.of(), new int[2], "");
                    } catch (IllegalArgumentException e) {
                        seen.put("short row", e.getMessage());
                    }
                }

                /** The idiom of ZooEvent.View's Javadoc: one view, rewrapped for every record. */
                private void ringBuffer(ZooSkel skel) {
                    ZooEvent.View view = new ZooEvent.View();
                    byte[] comm = new byte[16];
                    List<Object> events = new ArrayList<>();
                    int delivered = skel.maps().events().reader().drainViews((data, offset, length) -> {
                        view.wrap(data, offset);
                        int text = view.comm(comm);
                        events.add(List.of(length, view.pid(), ZooState.of(view.state()).orElseThrow(),
                                view.bits().signed5(), view.bits().neg23(), Long.toHexString(view.word().whole()),
                                new String(comm, 0, text, StandardCharsets.UTF_8), view.stack(3)));
                        events.add(view.decode());
                    });
                    List<ZooEvent> typed = new ArrayList<>();
                    skel.maps().events().reader().drain(typed::add);
                    seen.put("ring views", List.of(delivered, events));
                    seen.put("ring typed", typed);
                }

                private static <T> T roundTrip(io.bpf4j.codec.Codec<T> codec, T value) {
                    ByteBuffer buffer = fresh(codec.size() + 5);
                    Arrays.fill(buffer.array(), (byte) 0x5a);
                    codec.encode(value, buffer, 5);
                    return codec.decode(buffer, 5);
                }

                private static <T> boolean reencoded(io.bpf4j.codec.Codec<T> codec, T value, ByteBuffer original) {
                    ByteBuffer buffer = fresh(codec.size());
                    Arrays.fill(buffer.array(), (byte) 0x5a);
                    codec.encode(value, buffer, 0);
                    for (int i = 0; i < codec.size(); i++) {
                        if (buffer.get(i) != original.get(i)) {
                            return false;
                        }
                    }
                    return true;
                }

                private static ByteBuffer fresh(int size) {
                    return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
                }
            }
            """);

    private static Map<String, Object> seen;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void runScenario() throws Exception {
        Compilation compilation = Fixtures.compile(SCENARIO);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader =
                new CompiledClasses(compilation.generatedFiles(), ZooRoundTripTest.class.getClassLoader());
        BiFunction<Map<String, ByteBuffer>, Kernel, Map<String, Object>> scenario =
                (BiFunction<Map<String, ByteBuffer>, Kernel, Map<String, Object>>)
                        loader.loadClass("p.ZooScenario").getConstructor().newInstance();
        Map<String, ByteBuffer> clang = clangData();
        seen = scenario.apply(clang, Backends.kernel(new TinyKernel(Map.of("events",
                List.of(event(clang, 4242, "first"), event(clang, 7, "second-with-16ch"))))));
    }

    /**
     * A {@code struct zoo_event} (88 bytes) as the BPF program would write it, with clang's
     * {@code init_bits} and {@code init_word} inside.
     */
    private static byte[] event(Map<String, ByteBuffer> clang, int pid, String comm) {
        ByteBuffer event = ByteBuffer.allocate(88).order(ByteOrder.nativeOrder());
        event.putInt(0, pid).putInt(4, 5);
        event.put(8, clang.get("init_bits"), 0, 24);
        event.put(32, clang.get("init_word"), 0, 8);
        byte[] text = comm.getBytes(StandardCharsets.US_ASCII);
        event.put(40, text, 0, Math.min(text.length, 16));
        event.putLong(56 + 24, -pid);
        return event.array();
    }

    /** Each {@code .data} variable of zoo.bpf.o, as the bytes clang wrote for its initializer. */
    private static Map<String, ByteBuffer> clangData() throws Exception {
        byte[] object = Files.readAllBytes(Fixtures.objectRoot().resolve("p/zoo.bpf.o"));
        ElfFile elf = ElfFile.parse(object);
        ElfSection section = elf.section(".data").orElseThrow();
        ByteBuffer contents = elf.contents(section);
        DataSectionSpec data = ObjectSpec.read("zoo", object).dataSection(".data").orElseThrow();
        Map<String, ByteBuffer> variables = new HashMap<>();
        for (VariableSpec variable : data.variables()) {
            byte[] bytes = new byte[variable.size()];
            contents.get(contents.position() + variable.offset(), bytes);
            variables.put(variable.name(), ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
        }
        return variables;
    }

    @Test
    void bitfieldsDecodeClangsBytes() {
        assertThat(seen.get("clang bits")).hasToString("ZooBits[low3=5, signed5=-7, wide20=703710, "
                + "spans=1094624909430, neg23=-1234567, on=true, delta=-2, tail=153, top7=100]");
        assertThat(seen.get("bits re-encoded")).isEqualTo(true);
    }

    @Test
    void anonymousMembersAndUnionsDecodeClangsBytes() {
        assertThat(list("clang tagged")).hasToString("[3, 287454020, ZooTaggedAnon2[x=7, y=9], 238]");
        assertThat(seen.get("tagged re-encoded")).isEqualTo(true);
        assertThat(list("clang word")).hasToString(
                "[ZooWordParts[lo=4660, hi=22136], 56781234, [1450709556, 0], [52, 18, 120, 86, 0, 0, 0, 0]]");
    }

    @Test
    void arraysDecodeClangsBytes() {
        assertThat(seen.get("clang arrays").toString()).isEqualTo("ZooArrays[one=[1, 2, 65535], "
                + "grid=[[1, -2, 3], [-4, 5, -6]], cube=[[[1, 2], [3, 4]], [[5, 6], [7, 8]]], names=[ab, cdefghi], "
                + "packs=[ZooPacked[tag=1, value=72623859790382856, port=80], ZooPacked[tag=2, value=9, port=443]], "
                + "words=[ZooWord[bytes=1100ffeeddccbbaa], ZooWord[bytes=0100000002000000]], deltas=[2, -2], "
                + "comm=zoo]");
        assertThat(seen.get("arrays re-encoded")).isEqualTo(true);
    }

    @Test
    void wideIntegersDecodeClangsBytes() {
        assertThat(list("clang wide")).containsExactly(BigInteger.ONE.shiftLeft(100).negate(),
                "ffffffffffffffffffffffffffffffff", "123456789abcdeffedcba9876543210", true, true);
    }

    @Test
    void wideIntegersOutOfRangeAreRefusedNotCut() {
        assertThat(list("wide out of range")).containsExactly(
                "s128: 170141183460469231731687303715884105728 is out of range -2^127 to 2^127 - 1 (s128)",
                "u128: 340282366920938463463374607431768211456 is out of range 0 to 2^128 - 1 (u128)",
                "u128: -1 is out of range 0 to 2^128 - 1 (u128)",
                "true");
    }

    @Test
    void enumsNameKnownValuesAndTolerateUnknownOnes() {
        assertThat(list("enums")).hasToString(
                "[ZOO_NEG64_MIN, ZOO_BIG_TOP, ZOO_RUNNING, ZOO_DEAD, false, ZOO_DOWN, ZOO_HUGE, true]");
    }

    @Test
    void bitfieldsRoundTripAtTheirLimits() {
        assertThat(seen.get("bits max")).hasToString("ZooBits[low3=7, signed5=15, wide20=1048575, "
                + "spans=1099511627775, neg23=4194303, on=true, delta=3, tail=255, top7=127]");
        assertThat(seen.get("bits min")).hasToString("ZooBits[low3=0, signed5=-16, wide20=0, spans=0, "
                + "neg23=-4194304, on=false, delta=-4, tail=0, top7=0]");
        // Unlike a C assignment, a value that does not fit is refused, naming the field, never cut.
        assertThat(list("bits out of range")).containsExactly(
                "low3: 8 is out of range 0 to 7 (3-bit unsigned bitfield)",
                "signed5: 16 is out of range -16 to 15 (5-bit signed bitfield)",
                "wide20: 1048576 is out of range 0 to 1048575 (20-bit unsigned bitfield)",
                "spans: 1099511627776 is out of range 0 to 1099511627775 (40-bit unsigned bitfield)",
                "neg23: 4194304 is out of range -4194304 to 4194303 (23-bit signed bitfield)",
                "delta: -5 is out of range -4 to 3 (3-bit signed bitfield)",
                "tail: 256 is out of range 0 to 255 (u8)",
                "top7: 128 is out of range 0 to 127 (7-bit unsigned bitfield)");
        // Bits no field owns are zero: 28..63 (spans does not fit the first u64 unit and starts at 64),
        // bit 7 of byte 18 and bytes 19..23. on is bit 7 of byte 15, above neg23's top bits.
        assertThat(seen.get("bits max bytes")).isEqualTo("7fffff0f00000000" + "ffffffffffffffbf" + "03ff7f0000000000");
    }

    @Test
    void everyZooTypeRoundTrips() {
        for (String type : List.of("nested", "packed", "padded", "clash", "event")) {
            List<Object> pair = list(type);
            assertThat(pair.get(1)).as(type).isEqualTo(pair.get(0));
        }
        assertThat(list("union")).hasToString("[ffffffff00000001, ZooWordParts[lo=1, hi=0], true, 1450709556]");
    }

    @Test
    void viewsAgreeWithRecords() {
        assertThat(list("arrays view")).hasToString("[-6, 7, cdefghi, 443, -6144092013047381999, -2, 3, 65535, true]");
        assertThat(list("bits view")).hasToString("[ZooBits[low3=6, signed5=-9, wide20=74565, spans=737894400291, "
                + "neg23=-77, on=true, delta=-3, tail=66, top7=99], -9, -77, 737894400291, true]");
        assertThat(list("nested view")).hasToString(
                "[4294967295, -1, ZOO_RUNNING, 9, abcdef, 1684234849, 3, true]");
    }

    @Test
    void skeletonAccessorsUseTheZooTypes() {
        assertThat(list("skeleton")).hasToString(
                "[4294967280, [[1, 2], [3, 4]], 200, ZooCountsT[hits=3, misses=4], -1]");
        assertThat(seen.get("short row")).isEqualTo("grid[…] must have 3 elements, not 2");
        assertThat(seen.get("array value")).isEqualTo("[[1, 2, 3], [4, 5, -6]]");
        assertThat(list("bss view")).containsExactly(77L, -3, 4L);
    }

    @Test
    void viewsReadRingBufferRecordsInPlace() {
        assertThat(list("ring views")).hasToString("[2, [[88, 4242, ZOO_RUNNING, -7, -1234567, 56781234, first, "
                + "-4242], " + typed(0) + ", [88, 7, ZOO_RUNNING, -7, -1234567, 56781234, second-with-16ch, -7], "
                + typed(1) + "]]");
        assertThat(list("ring typed")).hasSize(2);
        // Perf event arrays get typed samples by the same binding (their readers need a real kernel).
        assertThat(list("perf")).containsExactly("perf_events", 88);
    }

    private static String typed(int index) {
        return list("ring typed").get(index).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String key) {
        return (List<Object>) seen.get(key);
    }
}
