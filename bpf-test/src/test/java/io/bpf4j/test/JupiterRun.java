package io.bpf4j.test;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a test class through the JUnit launcher and records how each test ended, to check what extensions did. */
final class JupiterRun implements TestExecutionListener {
    /** How one test ended: its display name, status and the reason or failure message. */
    record Outcome(String name, TestExecutionResult.Status status, String message) {}

    private final List<Outcome> outcomes = new ArrayList<>();

    static List<Outcome> of(Class<?> testClass) {
        JupiterRun run = new JupiterRun();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), run);
        return run.outcomes;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            String message = result.getThrowable().map(Throwable::getMessage).orElse("");
            outcomes.add(new Outcome(test.getDisplayName(), result.getStatus(), message));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            outcomes.add(new Outcome(test.getDisplayName(), TestExecutionResult.Status.ABORTED, reason));
        }
    }
}
