package io.bpf4j.test;

import io.bpf4j.features.KernelFeatures;
import io.bpf4j.Kernel;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Compares a test's {@link RequiresKernelFeature}s (method and class) with a backend's feature probes. */
final class FeatureRequirements {
    private FeatureRequirements() {}

    /** Empty when every required feature is there (or none is required); else what is missing and why. */
    static Optional<String> whyUnmet(ExtensionContext context, Supplier<Kernel> backend) {
        List<RequiresKernelFeature> required = new ArrayList<>();
        context.getTestMethod().ifPresent(m -> annotation(m).ifPresent(required::add));
        context.getTestClass().ifPresent(c -> annotation(c).ifPresent(required::add));
        if (required.isEmpty()) {
            return Optional.empty();
        }
        Kernel kernel = backend.get();
        KernelFeatures features = kernel.features();
        List<String> missing = new ArrayList<>();
        for (RequiresKernelFeature requirement : required) {
            for (ProgramKind kind : requirement.attach()) {
                if (!features.attachKind(kind)) {
                    missing.add(kind + " programs: " + features.whyNot(kind).orElse("not supported"));
                }
            }
            for (MapType type : requirement.maps()) {
                if (!features.mapType(type)) {
                    missing.add(type + " maps: not supported");
                }
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(kernel.name() + " lacks " + String.join("; ", missing));
    }

    private static Optional<RequiresKernelFeature> annotation(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(RequiresKernelFeature.class));
    }
}
