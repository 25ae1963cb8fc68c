package io.bpf4j.processor;

import io.bpf4j.BpfSkeleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * What one {@code @BpfSkeleton} asks for, checked.
 *
 * @param packageName the package of the annotated type, where the skeleton is generated
 * @param skeletonName the skeleton's simple name
 * @param object where the BPF object is
 * @param events ring-buffer map name → its binding, as given by {@link BpfSkeleton#events()}
 */
record SkeletonRequest(String packageName, String skeletonName, ObjectPath object,
        Map<String, EventBinding> events) {
    SkeletonRequest {
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /**
     * Reads the annotation on {@code element}.
     *
     * @throws GenerationException when the annotation is on the wrong kind of type or its values
     *     cannot work
     */
    static SkeletonRequest of(TypeElement element, Elements elements) throws GenerationException {
        ElementKind kind = element.getKind();
        if (kind != ElementKind.CLASS && kind != ElementKind.INTERFACE && kind != ElementKind.RECORD) {
            throw new GenerationException("@BpfSkeleton belongs on a class or interface, not on "
                    + (kind == ElementKind.ENUM ? "an enum" : "an annotation type"));
        }
        BpfSkeleton annotation = element.getAnnotation(BpfSkeleton.class);
        String skeletonName = annotation.name().isEmpty() ? element.getSimpleName() + "Skel" : annotation.name();
        if (!SourceVersion.isIdentifier(skeletonName) || SourceVersion.isKeyword(skeletonName)) {
            throw new GenerationException("@BpfSkeleton(name = \"" + skeletonName + "\") is not a valid class name");
        }
        Map<String, EventBinding> events = new LinkedHashMap<>();
        for (BpfSkeleton.EventType event : annotation.events()) {
            EventBinding binding = binding(event);
            EventBinding previous = events.put(event.map(), binding);
            if (previous != null) {
                throw new GenerationException("@BpfSkeleton(events = …) binds map '" + event.map()
                        + "' twice (" + previous.attribute() + " and " + binding.attribute() + ")");
            }
        }
        String packageName = elements.getPackageOf(element).getQualifiedName().toString();
        return new SkeletonRequest(packageName, skeletonName, ObjectPath.resolve(packageName, annotation.value()),
                events);
    }

    /** Exactly one of {@code struct} and {@code raw}: a raw binding is never implied. */
    private static EventBinding binding(BpfSkeleton.EventType event) throws GenerationException {
        String where = "@BpfSkeleton.EventType(map = \"" + event.map() + "\")";
        if (event.raw() && !event.struct().isEmpty()) {
            throw new GenerationException(where + " gives both struct = \"" + event.struct()
                    + "\" and raw = true; give exactly one: the record struct, or raw = true when BTF has none");
        }
        if (event.raw()) {
            return EventBinding.rawRecords();
        }
        if (event.struct().isEmpty()) {
            throw new GenerationException(where + " gives neither struct nor raw; give exactly one: "
                    + "struct = \"…\" (the record struct), or raw = true when BTF has none");
        }
        return EventBinding.struct(event.struct());
    }
}
