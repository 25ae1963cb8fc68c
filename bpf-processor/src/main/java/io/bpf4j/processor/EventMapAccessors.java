package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.bpf4j.btf.BtfType;
import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import io.bpf4j.map.BpfPerfEventArray;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.spec.MapSpec;
import java.util.List;
import java.util.Optional;

/**
 * Accessors of the maps that carry events: ring buffers and perf event arrays, with records typed
 * by the struct {@link EventTypes} binds, or raw ({@code BpfRingBuffer<Void>}: read through the
 * reader's view path, which hands each record's bytes and length) when explicitly bound so. A perf
 * event array no record type is bound to is a {@link BpfPerfEventArray} of perf event slots.
 */
final class EventMapAccessors {
    private final TypeMapper types;
    private final EventTypes events;
    private final List<String> warnings;

    /** @param warnings receives a warning per ring buffer generated raw because nothing binds it */
    EventMapAccessors(TypeMapper types, EventTypes events, List<String> warnings) {
        this.types = types;
        this.events = events;
        this.warnings = warnings;
    }

    /**
     * A ring buffer: typed records, or raw ones when bound so or when nothing binds a record type
     * (then with a warning; see {@link EventTypes}).
     */
    MapAccessor ringBuffer(MapSpec map) throws GenerationException {
        if (events.isRaw(map)) {
            return raw(map, BpfRingBuffer.class, "ringBuffer", "Ring buffer", "records",
                    boundRaw(map));
        }
        Optional<BtfType.Composite> bound = events.recordOf(map);
        if (bound.isEmpty()) {
            warnings.add(events.unbound(map));
            return raw(map, BpfRingBuffer.class, "ringBuffer", "Ring buffer", "records",
                    "nothing binds a record type\n(no {@code unused_} pointer, or several; bind one with "
                            + "{@code @BpfSkeleton(events = …)})");
        }
        BtfType.Composite struct = bound.get();
        JavaType record = types.map(struct.id(), "ring buffer '" + SourceText.shown(map.name()) + "' records",
                JavaNames.typeName(map.name()) + "Event");
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfRingBuffer.class), record.typeName());
        CodeBlock javadoc = CodeBlock.of("Ring buffer $L: {@code $L} of $L;\nrecords $L "
                        + "({@link $T}),\n$L.\n",
                MapAccessor.doc(map), MapAccessorGenerator.cName(map.type()), SourceText.bytes(map.maxEntries()),
                SourceText.code(types.c().typeName(struct.id())), record.typeName(), events.binding(map));
        return new MapAccessor(type, CodeBlock.of("object.ringBuffer($L, $T.CODEC)", MapAccessor.literal(map),
                record.typeName()), javadoc);
    }

    /**
     * A perf event array: typed samples when a record type is bound (explicitly or by convention),
     * raw samples when bound so, else its perf event slots ({@link BpfPerfEventArray}), since a perf
     * event array may hold perf counters rather than carry events.
     */
    MapAccessor perfEventArray(MapSpec map) throws GenerationException {
        if (events.isRaw(map)) {
            return raw(map, BpfPerfBuffer.class, "perfBuffer", "Perf event array", "samples",
                    boundRaw(map));
        }
        Optional<BtfType.Composite> samples = events.samplesOf(map);
        if (samples.isEmpty()) {
            CodeBlock javadoc = CodeBlock.of("Perf event array $L: {@code $L}$L, as its perf event slots "
                    + "(one per CPU).\nNo sample type is bound to it; to read samples, bind one with\n"
                    + "$L.\n", MapAccessor.doc(map),
                    MapAccessorGenerator.cName(map.type()), MapAccessorGenerator.maxEntries(map),
                    SourceText.code("@BpfSkeleton(events = @EventType(map = \"" + SourceText.shown(map.name())
                            + "\", struct = …))"));
            return MapAccessor.ofObject(BpfPerfEventArray.class, "perfEventArray", map, javadoc);
        }
        BtfType.Composite struct = samples.get();
        JavaType record = types.map(struct.id(), "perf event array '" + SourceText.shown(map.name()) + "' samples",
                JavaNames.typeName(map.name()) + "Event");
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfPerfBuffer.class), record.typeName());
        CodeBlock javadoc = CodeBlock.of("Perf event array $L: {@code $L}$L;\nsamples $L ({@link $T}),\n"
                        + "$L.\n", MapAccessor.doc(map), MapAccessorGenerator.cName(map.type()),
                map.maxEntries() == 0 ? "" : ", max_entries " + map.maxEntries(),
                SourceText.code(types.c().typeName(struct.id())), record.typeName(), events.binding(map));
        return new MapAccessor(type, CodeBlock.of("object.perfBuffer($L, $T.CODEC)", MapAccessor.literal(map),
                record.typeName()), javadoc);
    }

    /**
     * Raw records: {@code Buffer<Void>} of {@link Codecs#VOID}, whose typed path hands {@code null}
     * per record, since a {@link Codec} sees no record length; the view path
     * ({@code pollViews}/{@code drainViews}) hands each record's bytes and length.
     */
    private static MapAccessor raw(MapSpec map, Class<?> buffer, String factory, String what, String records,
            String why) {
        TypeName type = ParameterizedTypeName.get(ClassName.get(buffer), ClassName.get(Void.class));
        CodeBlock javadoc = CodeBlock.of("$L $L: {@code $L}$L; raw $L, $L.\n"
                        + "Read them through the reader's view path ({@code pollViews}, {@code drainViews}),"
                        + " which\nhands each record's bytes and length; the typed path hands {@code null} per "
                        + "record.\n", what, MapAccessor.doc(map), MapAccessorGenerator.cName(map.type()),
                MapAccessorGenerator.maxEntries(map), records, why);
        return new MapAccessor(type, CodeBlock.of("object.$N($L, $T.VOID)", factory, MapAccessor.literal(map),
                Codecs.class), javadoc);
    }

    /** Why a map is raw when the annotation says so. */
    private static String boundRaw(MapSpec map) {
        return "bound by\n" + SourceText.code("@BpfSkeleton(events = @EventType(map = \""
                + SourceText.shown(map.name()) + "\", raw = true))") + ": BTF has no record struct";
    }
}
