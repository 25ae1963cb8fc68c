package io.bpf4j.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips (or, under {@code BPF4J_REQUIRE_KERNEL=1}, fails) tests that need the real kernel when this
 * machine cannot run BPF. Used through {@link RequiresKernel}.
 */
public final class RealKernelExtension implements BeforeAllCallback, BeforeEachCallback {
    /** The environment variable that turns a skip into a failure. */
    public static final String REQUIRE_KERNEL = "BPF4J_REQUIRE_KERNEL";

    @Override
    public void beforeAll(ExtensionContext context) {
        check();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check();
    }

    private static void check() {
        Optional<String> missing = KernelAccess.whyUnavailable();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "real kernel BPF is unavailable: " + missing.get();
        if ("1".equals(System.getenv(REQUIRE_KERNEL))) {
            throw new AssertionError(reason + " (" + REQUIRE_KERNEL + "=1 forbids skipping)");
        }
        throw new TestAbortedException(reason);
    }
}
