package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.Kernel;
import io.bpf4j.spi.Backends;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs generated code: a scenario compiled together with the skeleton of {@code maps.bpf.o}
 * encodes and decodes records and goes through open → set {@code .rodata} → load → maps and data
 * sections on {@link TinyKernel}, reporting what it saw for the assertions here.
 */
class GeneratedCodeTest {
    private static final JavaFileObject SCENARIO = JavaFileObjects.forSourceString("p.Scenario", """
            package p;

            import io.bpf4j.BpfSkeleton;
            import io.bpf4j.Kernel;
            import java.nio.ByteBuffer;
            import java.nio.ByteOrder;
            import java.util.Arrays;
            import java.util.HexFormat;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;
            import p.MapsSkel.ConnCounters;
            import p.MapsSkel.ConnKey;
            import p.MapsSkel.ConnStats;

            @BpfSkeleton(value = "maps.bpf.o", name = "MapsSkel")
            public final class Scenario implements Function<Kernel, Map<String, Object>> {
                @Override
                public Map<String, Object> apply(Kernel kernel) {
                    Map<String, Object> seen = new LinkedHashMap<>();
                    ConnStats stats = new ConnStats(new ConnCounters(1, 2), new ConnCounters(3, -1L), "curl",
                            new long[] {5, 6, 7, -8}, (byte) -9, 250, (short) -300, 65000, -40000, true,
                            Long.MIN_VALUE, 0xffff_8000_0000_1000L,
                            List.of(new ConnCounters(11, 12), new ConnCounters(13, 14)));
                    ByteBuffer buffer = ByteBuffer.allocate(ConnStats.SIZE + 8).order(ByteOrder.nativeOrder());
                    Arrays.fill(buffer.array(), (byte) 0x5a);
                    ConnStats.CODEC.encode(stats, buffer, 8);
                    seen.put("stats", stats);
                    seen.put("decoded", ConnStats.CODEC.decode(buffer, 8));
                    seen.put("stats bytes", HexFormat.of().formatHex(buffer.array(), 8 + 80, 8 + 96));

                    ConnKey key = new ConnKey(0x0a000001L, 0xffffffffL, 443, 65535, 6);
                    ByteBuffer keyBuffer = ByteBuffer.allocate(ConnKey.SIZE).order(ByteOrder.nativeOrder());
                    Arrays.fill(keyBuffer.array(), (byte) 0x5a);
                    ConnKey.CODEC.encode(key, keyBuffer, 0);
                    seen.put("key padding", HexFormat.of().formatHex(keyBuffer.array(), 13, 16));

                    try (MapsSkel.Open open = MapsSkel.open(kernel)) {
                        open.rodata().minBytes(4096).class_(-3);
                        open.programs().countPackets().autoload(false);
                        try (MapsSkel skel = open.load()) {
                            skel.bss().totalWrites(-1).lastPid(4_000_000_000L).totals(new ConnCounters(7, 8));
                            skel.data().tag("abcdefghij").ports(new int[] {1, 2, 65535});
                            seen.put("bss", List.of(skel.bss().totalWrites(), skel.bss().lastPid(),
                                    skel.bss().totals()));
                            seen.put("data", List.of(skel.data().tag(), Arrays.toString(skel.data().ports())));
                            seen.put("rodata", List.of(skel.rodata().minBytes(), skel.rodata().class_()));
                            skel.maps().flows().put(key, stats);
                            seen.put("flows", skel.maps().flows().get(key).orElseThrow());
                            skel.maps().start().put(4_000_000_000L, -2L);
                            seen.put("start", skel.maps().start().snapshot());
                            skel.maps().hists().set(3, new ConnCounters(9, 10));
                            seen.put("hists", skel.maps().hists().values());
                            seen.put("programs", List.of(skel.programs().countWrite().sectionName(),
                                    skel.programs().countPackets().kind()));
                        }
                    }
                    try {
                        new ConnStats(stats.in(), stats.out(), "x", new long[3], (byte) 0, 0, (short) 0, 0, 0,
                                false, 0, 0, stats.history());
                    } catch (IllegalArgumentException e) {
                        seen.put("short array", e.getMessage());
                    }
                    return seen;
                }
            }
            """);

    private static Map<String, Object> seen;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void runScenario() throws ReflectiveOperationException {
        Compilation compilation = Fixtures.compile(SCENARIO);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader =
                new CompiledClasses(compilation.generatedFiles(), GeneratedCodeTest.class.getClassLoader());
        Function<Kernel, Map<String, Object>> scenario = (Function<Kernel, Map<String, Object>>)
                loader.loadClass("p.Scenario").getConstructor().newInstance();
        seen = scenario.apply(Backends.kernel(new TinyKernel()));
    }

    @Test
    void recordsRoundTripThroughTheirCodec() {
        assertThat(seen.get("decoded")).isEqualTo(seen.get("stats")).hasSameHashCodeAs(seen.get("stats"));
        assertThat(seen.get("decoded").toString()).contains("slots=[5, 6, 7, -8]", "comm=curl", "u8=250",
                "history=[ConnCounters[packets=11, bytes=12], ConnCounters[packets=13, bytes=14]]");
    }

    @Test
    void paddingIsWrittenAsZero() {
        // s8 u8 | s16 | u16 | hole(2) | s32 | bool hole(3) : offsets 80..95, little-endian
        assertThat(seen.get("stats bytes")).isEqualTo("f7fad4fee8fd0000c063ffff01000000");
        assertThat(seen.get("key padding")).isEqualTo("000000");
    }

    @Test
    void dataSectionsReadBackWhatWasSet() {
        assertThat(list("bss")).hasToString("[-1, 4000000000, ConnCounters[packets=7, bytes=8]]");
        // char tag[8] holds 8 characters: C needs no terminating NUL, so none is forced.
        assertThat(list("data")).containsExactly("abcdefgh", "[1, 2, 65535]");
        assertThat(list("rodata")).containsExactly(4096L, -3);
    }

    @Test
    void mapsAreTyped() {
        assertThat(seen.get("flows")).isEqualTo(seen.get("stats"));
        assertThat(seen.get("start")).isEqualTo(Map.of(4_000_000_000L, -2L));
        assertThat(list("hists")).hasSize(4).last().hasToString("ConnCounters[packets=9, bytes=10]");
        assertThat(list("programs")).hasToString("[tp/syscalls/sys_enter_write, XDP]");
    }

    @Test
    void recordsCheckArrayLengths() {
        assertThat(seen.get("short array")).isEqualTo("slots must have 4 elements, not 3");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String key) {
        return (List<Object>) seen.get(key);
    }
}
