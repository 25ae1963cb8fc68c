package io.bpf4j.test;

import io.bpf4j.Kernel;
import io.bpf4j.test.fake.FakeKernel;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each test its own {@link FakeKernel} (as a {@code FakeKernel} or {@code Kernel}
 * parameter, the same instance for every parameter of one test) and fails the test when it leaves
 * resources open. Used through {@link WithFakeKernel}.
 */
public final class FakeKernelExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeKernelExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeKernel.class || type == Kernel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return kernel(context);
    }

    /** The test's fake kernel, created on first use. */
    static FakeKernel kernel(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(FakeKernel.class, type -> new FakeKernel(), FakeKernel.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FakeKernel kernel = context.getStore(NAMESPACE).get(FakeKernel.class, FakeKernel.class);
        if (kernel != null) {
            kernel.assertNoLeaks();
        }
    }
}
