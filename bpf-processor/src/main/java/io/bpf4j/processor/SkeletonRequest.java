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
 * @param events ring-buffer map name → struct name, as bound by {@link BpfSkeleton#events()}
 */
record SkeletonRequest(String packageName, String skeletonName, ObjectPath object, Map<String, String> events) {
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
        Map<String, String> events = new LinkedHashMap<>();
        for (BpfSkeleton.EventType event : annotation.events()) {
            String previous = events.put(event.map(), event.struct());
            if (previous != null) {
                throw new GenerationException("@BpfSkeleton(events = …) binds map '" + event.map()
                        + "' twice (to struct " + previous + " and struct " + event.struct() + ")");
            }
        }
        String packageName = elements.getPackageOf(element).getQualifiedName().toString();
        return new SkeletonRequest(packageName, skeletonName, ObjectPath.resolve(packageName, annotation.value()),
                events);
    }
}
