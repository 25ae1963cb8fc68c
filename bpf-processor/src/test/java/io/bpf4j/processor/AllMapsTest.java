package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.Kernel;
import io.bpf4j.spi.Backends;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every map type gets an accessor: the skeleton of {@code allmaps.bpf.o} (one map of each type)
 * has them with the right generic types (their order is the golden test's), and a scenario
 * compiled with it uses several through {@link TinyKernel}.
 */
class AllMapsTest {
    /** The annotation of the fixture: one ring buffer bound to a struct, one ring and one perf buffer raw. */
    static final String ANNOTATION = "@BpfSkeleton(value = \"allmaps.bpf.o\", events = {"
            + "@BpfSkeleton.EventType(map = \"events\", struct = \"event\"), "
            + "@BpfSkeleton.EventType(map = \"raw_events\", raw = true), "
            + "@BpfSkeleton.EventType(map = \"raw_samples\", raw = true)})";

    private static final JavaFileObject SCENARIO = JavaFileObjects.forSourceString("p.AllMaps", """
            package p;

            import io.bpf4j.BpfSkeleton;
            import io.bpf4j.map.LpmKey;
            import io.bpf4j.Kernel;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;
            import p.AllMapsSkel.FlowKey;

            %s
            public final class AllMaps implements Function<Kernel, Map<String, Object>> {
                @Override
                public Map<String, Object> apply(Kernel kernel) {
                    Map<String, Object> seen = new LinkedHashMap<>();
                    try (AllMapsSkel skel = AllMapsSkel.open(kernel).load()) {
                        AllMapsSkel.Maps maps = skel.maps();
                        maps.counters().array().set(2, List.of(40L));
                        seen.put("counter", maps.counters().get(2));
                        maps.percpuHash().putOnEveryCpu(7L, new FlowKey(1, 2, 3));
                        seen.put("percpu hash", maps.percpuHash().get(7L).orElseThrow());
                        maps.routes().put(new LpmKey<>(24, new int[] {10, 0, 0, 0}), 5L);
                        seen.put("routes", maps.routes().keys().get(0).prefixLength());
                        seen.put("stack trace depth", maps.stacks().raw().valueSize() / 8);
                        seen.put("raw", List.of(maps.devices().type(), maps.taskStore().type(), maps.commands().type()));
                        seen.put("raw record size", maps.rawEvents().recordSize());
                    }
                    return seen;
                }
            }
            """.formatted(ANNOTATION));

    private static Class<?> maps;
    private static Map<String, Object> seen;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileAndRun() throws ReflectiveOperationException {
        Compilation compilation = Fixtures.compile(SCENARIO);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompiledClasses(compilation.generatedFiles(), AllMapsTest.class.getClassLoader());
        maps = loader.loadClass("p.AllMapsSkel$Maps");
        Function<Kernel, Map<String, Object>> scenario = (Function<Kernel, Map<String, Object>>)
                loader.loadClass("p.AllMaps").getConstructor().newInstance();
        seen = scenario.apply(Backends.kernel(new TinyKernel()));
    }

    @Test
    void everyMapHasAnAccessorOfItsType() {
        Map<String, String> accessors = new LinkedHashMap<>();
        for (Method method : maps.getDeclaredMethods()) {
            accessors.put(method.getName(), method.getGenericReturnType().getTypeName()
                    .replace("io.bpf4j.map.", "").replace("io.bpf4j.", "").replace("p.AllMapsSkel$", "")
                    .replace("java.lang.", ""));
        }
        assertThat(accessors).containsAllEntriesOf(Map.ofEntries(
                Map.entry("inner", "BpfArrayMap<Long>"),
                Map.entry("hash", "BpfHashMap<FlowKey, Long>"),
                Map.entry("array", "BpfArrayMap<Integer>"),
                Map.entry("jumpTable", "BpfProgArray"),
                Map.entry("cycles", "BpfPerfEventArray"),
                Map.entry("percpuHash", "BpfPerCpuHashMap<Long, FlowKey>"),
                Map.entry("counters", "BpfPerCpuCounters"),
                Map.entry("heap", "BpfPerCpuArrayMap<Event>"),
                Map.entry("scratch", "RawMap"),
                Map.entry("stacks", "BpfStackTraceMap"),
                Map.entry("buildIdStacks", "RawMap"),
                Map.entry("cgroups", "BpfCgroupArray"),
                Map.entry("lruPercpu", "BpfPerCpuHashMap<Long, Long>"),
                Map.entry("routes", "BpfLpmTrie<int[], Long>"),
                Map.entry("oddRoutes", "RawMap"),
                Map.entry("outerArray", "BpfArrayOfMaps"),
                Map.entry("outerHash", "BpfHashOfMaps<Long>"),
                Map.entry("devices", "RawMap"),
                Map.entry("sockets", "RawMap"),
                Map.entry("queue", "BpfQueue<FlowKey>"),
                Map.entry("stack", "BpfStack<Long>"),
                Map.entry("taskStore", "RawMap"),
                Map.entry("events", "ringbuf.BpfRingBuffer<Event>"),
                Map.entry("rawEvents", "ringbuf.BpfRingBuffer<Void>"),
                Map.entry("rawSamples", "perfbuf.BpfPerfBuffer<Void>"),
                Map.entry("seen", "BpfBloomFilter<Long>"),
                Map.entry("commands", "RawMap")));
        // One accessor per map: the __u64 per-CPU array is its counters, whose array() is the per-CPU view.
        assertThat(accessors).hasSize(27).doesNotContainKey("countersCounters");
    }

    /** libbpf-tools leave a stack trace map's value size for user space to set before load. */
    @Test
    void stackTracesSizedAtLoadAreStillTyped() {
        Compilation compilation = Fixtures.compile(Fixtures.annotated("StackAtLoad",
                "@BpfSkeleton(\"stack_at_load.bpf.o\")"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.StackAtLoadSkel").contentsAsUtf8String()
                .containsMatch("stack traces of a depth set at load(.|\\n)*public BpfStackTraceMap stacks\\(\\)");
    }

    @Test
    void theTypedMapsWorkOnTheirHandles() {
        assertThat(seen.get("counter")).isEqualTo(40L);
        assertThat(seen.get("percpu hash")).hasToString("[FlowKey[saddr=1, port=2, proto=3]]");
        assertThat(seen.get("routes")).isEqualTo(24);
        assertThat(seen.get("stack trace depth")).isEqualTo(127);
        assertThat((List<?>) seen.get("raw")).hasToString("[DEVMAP, TASK_STORAGE, USER_RINGBUF]");
        assertThat(seen.get("raw record size")).isEqualTo(0);
    }
}
