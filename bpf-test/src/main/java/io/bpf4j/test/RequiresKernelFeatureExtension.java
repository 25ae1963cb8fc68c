package io.bpf4j.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Checks a plain test's {@link RequiresKernelFeature} against the real kernel. {@link BackendTest}
 * runs check it themselves, against their own backend.
 */
public final class RequiresKernelFeatureExtension implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getTestMethod().map(m -> m.isAnnotationPresent(BackendTest.class)).orElse(false)) {
            return;
        }
        RealKernelExtension.check();
        Optional<String> missing = FeatureRequirements.whyUnmet(context, BackendInvocation::systemKernel);
        if (missing.isPresent()) {
            throw new TestAbortedException(missing.get());
        }
    }
}
