package io.bpf4j.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips (or, under {@code BPF4J_REQUIRE_KERNEL=1}, fails) tests that need the real kernel when this
 * machine cannot run BPF. Used through {@link RequiresKernel}.
 */
public final class RealKernelExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
    /** The environment variable that turns a skip into a failure. */
    public static final String REQUIRE_KERNEL = "BPF4J_REQUIRE_KERNEL";

    /**
     * Disables the class or test, with the reason, where BPF is unavailable: reports then list it as
     * skipped (an abort in {@code beforeAll} would hide the class's tests altogether). Under
     * {@code BPF4J_REQUIRE_KERNEL=1} it stays enabled so that the callbacks below fail it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = KernelAccess.whyUnavailable();
        if (missing.isEmpty() || "1".equals(System.getenv(REQUIRE_KERNEL))) {
            return ConditionEvaluationResult.enabled("real kernel BPF is available, or required");
        }
        return ConditionEvaluationResult.disabled("real kernel BPF is unavailable: " + missing.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        check();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check();
    }

    /**
     * Returns when the real kernel's BPF is usable here; otherwise aborts the running test with the
     * reason, or fails it under {@code BPF4J_REQUIRE_KERNEL=1}.
     */
    static void check() {
        Optional<String> missing = KernelAccess.whyUnavailable();
        if (missing.isEmpty()) {
            return;
        }
        skipOrFail("real kernel BPF is unavailable: " + missing.get());
    }

    /** Aborts the running test with {@code reason}, or fails it under {@code BPF4J_REQUIRE_KERNEL=1}. */
    static void skipOrFail(String reason) {
        if ("1".equals(System.getenv(REQUIRE_KERNEL))) {
            throw new AssertionError(reason + " (" + REQUIRE_KERNEL + "=1 forbids skipping)");
        }
        throw new TestAbortedException(reason);
    }
}
