package io.bpf4j.processor;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.VariableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The struct each ring buffer's (or perf event array's) records hold. BTF gives such a map no
 * value type, so it is bound
 * explicitly by {@code @BpfSkeleton(events = @EventType(map = …, struct = …))}, or by convention: a
 * global {@code const struct X *unused_…} pointer (which C code declares anyway, to force
 * {@code struct X} into BTF) names {@code X} when the object has exactly one such pointer.
 *
 * <p>Records whose struct is not in BTF at all (built in a byte buffer) are bound explicitly with
 * {@code @EventType(map = …, raw = true)}: such a map is generated untyped and read through the
 * reader's view path. A ring buffer nothing binds (no convention pointer, or several) is
 * generated raw too, with a warning naming the candidates and how to bind one: third-party
 * objects must generate as they are. The structs of the convention pointers get their records
 * whatever binds, so raw records can still be decoded with their {@code CODEC}.
 */
final class EventTypes {
    private static final String MARKER_PREFIX = "unused";

    private final String objectPath;
    private final Map<String, BtfType.Composite> bound;
    private final Set<String> raw;
    private final List<Marker> markers;

    /** A convention pointer and the struct it points to. */
    private record Marker(VariableSpec variable, BtfType.Composite struct) {}

    private EventTypes(String objectPath, Map<String, BtfType.Composite> bound, Set<String> raw,
            List<Marker> markers) {
        this.objectPath = objectPath;
        this.bound = bound;
        this.raw = raw;
        this.markers = markers;
    }

    /**
     * Checks the explicit bindings against the object and finds the convention pointers.
     *
     * @param bindings map name → its binding, from the annotation
     * @throws GenerationException when a binding names a map that is not a ring buffer or perf
     *     event array of the object, or a struct its BTF does not have
     */
    static EventTypes resolve(ObjectSpec spec, Map<String, EventBinding> bindings, String objectPath)
            throws GenerationException {
        Map<String, BtfType.Composite> bound = new LinkedHashMap<>();
        Set<String> raw = new HashSet<>();
        for (Map.Entry<String, EventBinding> binding : bindings.entrySet()) {
            String where = "@BpfSkeleton(events = @EventType(map = \"" + binding.getKey() + "\", "
                    + binding.getValue().attribute() + "))";
            MapSpec map = spec.map(binding.getKey()).orElseThrow(() -> new GenerationException(
                    where + ": " + objectPath + " has no map '" + binding.getKey() + "' (its maps: "
                            + spec.maps().stream().limit(32).map(m -> SourceText.shown(m.name()))
                                    .collect(Collectors.joining(", "))
                            + (spec.maps().size() > 32 ? ", …" : "") + ")"));
            if (map.type() != MapType.RINGBUF && map.type() != MapType.PERF_EVENT_ARRAY) {
                throw new GenerationException(where + ": map '" + map.name() + "' of " + objectPath + " is a "
                        + MapAccessorGenerator.cName(map.type()) + ", not a ring buffer or perf event array");
            }
            if (binding.getValue().raw()) {
                raw.add(map.name());
                continue;
            }
            String name = binding.getValue().struct();
            BtfType.Composite struct = spec.btf().findStruct(name).orElseThrow(() ->
                    new GenerationException(where + ": the BTF of " + objectPath + " has no struct '"
                            + name + "'; a struct the programs never use is left out of BTF "
                            + "unless a variable refers to it, e.g. const struct " + name
                            + " *unused_" + name + " __attribute__((unused));"));
            bound.put(map.name(), struct);
        }
        return new EventTypes(objectPath, bound, raw, markers(spec));
    }

    private static List<Marker> markers(ObjectSpec spec) {
        Btf btf = spec.btf();
        List<Marker> markers = new ArrayList<>();
        for (DataSectionSpec section : spec.dataSections()) {
            for (VariableSpec variable : section.variables()) {
                if (variable.global() && variable.name().startsWith(MARKER_PREFIX)
                        && btf.resolve(variable.typeId()) instanceof BtfType.Ptr pointer
                        && btf.resolve(pointer.targetId()) instanceof BtfType.Composite struct
                        && !struct.union() && !struct.name().isEmpty()) {
                    markers.add(new Marker(variable, struct));
                }
            }
        }
        return markers;
    }

    /** The struct of {@code map}'s records; empty when nothing binds one (see {@link #unbound}). */
    Optional<BtfType.Composite> recordOf(MapSpec map) {
        BtfType.Composite struct = bound.get(map.name());
        if (struct != null) {
            return Optional.of(struct);
        }
        return markers.size() == 1 ? Optional.of(markers.get(0).struct()) : Optional.empty();
    }

    /**
     * Why nothing binds {@code map}'s records, the candidates, and how to bind them: the warning
     * of a ring buffer generated raw by default.
     */
    String unbound(MapSpec map) {
        String name = SourceText.shown(map.name());
        String found = markers.isEmpty()
                ? "the object has no unused_ pointer naming one"
                : "the object has " + markers.size() + " unused_ pointers, so the convention cannot choose: "
                        + markers.stream().map(m -> SourceText.shown(m.variable().name()) + " -> struct "
                                + SourceText.shown(m.struct().name())).collect(Collectors.joining(", "));
        String struct = markers.isEmpty() ? "…" : SourceText.shown(markers.get(0).struct().name());
        return objectPath + ": ring buffer '" + name + "' has no record type (" + found + "); it is generated "
                + "raw (records as bytes, read through the reader's view path); to type it, bind its record struct "
                + "with @BpfSkeleton(events = @EventType(map = \"" + name + "\", struct = \"" + struct + "\")) "
                + "(bpf4j gen: --event " + name + "=" + struct + "), or @EventType(map = \"" + name
                + "\", raw = true) (--event " + name + "=:raw) to keep it raw without this warning";
    }

    /** The structs the convention pointers point to, each once, in object order. */
    List<BtfType.Composite> markerStructs() {
        Map<Integer, BtfType.Composite> structs = new LinkedHashMap<>();
        markers.forEach(marker -> structs.putIfAbsent(marker.struct().id(), marker.struct()));
        return List.copyOf(structs.values());
    }

    /** Whether {@code map} was bound to raw records ({@code raw = true}). */
    boolean isRaw(MapSpec map) {
        return raw.contains(map.name());
    }

    /**
     * The struct of a perf event array's samples, when it is bound or the convention names one;
     * empty otherwise, since a perf event array may hold perf counters rather than carry events.
     */
    Optional<BtfType.Composite> samplesOf(MapSpec map) {
        BtfType.Composite struct = bound.get(map.name());
        if (struct != null) {
            return Optional.of(struct);
        }
        return markers.size() == 1 ? Optional.of(markers.get(0).struct()) : Optional.empty();
    }

    /** How {@code map} was bound, for its Javadoc; call after {@link #recordOf} or {@link #samplesOf}. */
    String binding(MapSpec map) {
        return bound.containsKey(map.name())
                ? "bound by {@code @BpfSkeleton(events = …)}"
                : "bound by the convention variable " + SourceText.code(markers.get(0).variable().name());
    }

    /** The convention pointers: they exist only for BTF, so they get no accessors. */
    Set<String> markerVariables() {
        Set<String> names = new HashSet<>();
        markers.forEach(marker -> names.add(marker.variable().name()));
        return names;
    }
}
