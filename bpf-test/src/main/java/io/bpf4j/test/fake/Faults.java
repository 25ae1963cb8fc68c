package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Errno injection: rules such as "the 3rd map update on map {@code counts} fails with ENOMEM".
 * Each rule counts the calls it matches, so {@code nth} is counted from when the rule was added.
 * The failure is a {@link BpfException} with the operation's usual name and the injected errno,
 * as the real backend would throw it; the operation has no effect.
 */
public final class Faults {
    /** Matches every target. */
    public static final String ANY_TARGET = "*";

    private final List<Rule> rules = new ArrayList<>();

    Faults() {}

    /**
     * Makes the {@code nth} call (1-based) of {@code point} on {@code target} fail with {@code errno}.
     *
     * @param target a map, program or object name, or {@link #ANY_TARGET}
     * @return this, for chaining
     */
    public synchronized Faults failNth(FaultPoint point, String target, int nth, int errno) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1, got " + nth);
        }
        rules.add(new Rule(point, target, nth, errno));
        return this;
    }

    /** Makes every call of {@code point} on {@code target} fail with {@code errno} from now on. */
    public synchronized Faults failAlways(FaultPoint point, String target, int errno) {
        rules.add(new Rule(point, target, 0, errno));
        return this;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** Throws the injected failure when a rule matches this call. */
    synchronized void check(FaultPoint point, String target, String operation) {
        for (Rule rule : rules) {
            if (rule.matches(point, target)) {
                throw new BpfException(operation, rule.errno, "injected by FakeKernel");
            }
        }
    }

    private static final class Rule {
        private final FaultPoint point;
        private final String target;
        private final int nth;
        private final int errno;
        private int calls;

        Rule(FaultPoint point, String target, int nth, int errno) {
            this.point = Objects.requireNonNull(point, "point");
            this.target = Objects.requireNonNull(target, "target");
            this.nth = nth;
            this.errno = errno;
        }

        /** Counts a matching call; true when this call is the one to fail. */
        boolean matches(FaultPoint calledPoint, String calledTarget) {
            if (calledPoint != point || !(target.equals(ANY_TARGET) || target.equals(calledTarget))) {
                return false;
            }
            calls++;
            return nth == 0 || calls == nth;
        }
    }
}
