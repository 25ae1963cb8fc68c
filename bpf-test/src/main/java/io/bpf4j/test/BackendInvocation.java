package io.bpf4j.test;

import io.bpf4j.BpfException;
import io.bpf4j.Kernel;
import java.util.function.Supplier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One run of a {@link BackendTest}: which kernel the test's {@code Kernel} parameter gets,
 * and the checks around it (leaks on the fake; availability and features on the real kernel).
 */
final class BackendInvocation implements TestTemplateInvocationContext {
    private final String name;
    private final List<Extension> extensions;

    private BackendInvocation(String name, List<Extension> extensions) {
        this.name = name;
        this.extensions = extensions;
    }

    /** The run on a fresh fake kernel, leak-checked afterwards. */
    static BackendInvocation fake() {
        FakeKernelExtension fake = new FakeKernelExtension();
        BeforeEachCallback features = context -> checkFeatures(context, () -> FakeKernelExtension.kernel(context));
        return new BackendInvocation("FakeKernel", List.of(fake, features));
    }

    /** The run on this machine's kernel, skipped (or failed under BPF4J_REQUIRE_KERNEL=1) where unavailable. */
    static BackendInvocation realKernel() {
        BeforeEachCallback available = context -> {
            RealKernelExtension.check();
            systemKernel();
            checkFeatures(context, BackendInvocation::systemKernel);
        };
        return new BackendInvocation("real kernel", List.of(available, new RealKernelResolver()));
    }

    /** The real kernel; skips (or fails under BPF4J_REQUIRE_KERNEL=1) when no backend is on the class path. */
    static Kernel systemKernel() {
        try {
            return Kernel.system();
        } catch (BpfException e) {
            RealKernelExtension.skipOrFail("no real kernel backend: " + e.getMessage());
            throw e; // not reached: skipOrFail always throws
        }
    }

    private static void checkFeatures(ExtensionContext context, Supplier<Kernel> backend) {
        Optional<String> missing = FeatureRequirements.whyUnmet(context, backend);
        if (missing.isPresent()) {
            throw new org.opentest4j.TestAbortedException(missing.get());
        }
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "[" + name + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return extensions;
    }

    /** Resolves {@code Kernel} to the real kernel. */
    private static final class RealKernelResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Kernel.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return systemKernel();
        }
    }
}
