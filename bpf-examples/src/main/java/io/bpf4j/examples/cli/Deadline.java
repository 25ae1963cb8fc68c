package io.bpf4j.examples.cli;

import java.time.Duration;

/** When a tool's {@code -d SECONDS} runs out; {@link #NONE} runs until stopped. */
public final class Deadline {
    /** Never expires. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code seconds} from now, or {@link #NONE} when {@code seconds} is 0 or less. */
    public static Deadline afterSeconds(long seconds) {
        return seconds <= 0 ? NONE : new Deadline(System.nanoTime() + Duration.ofSeconds(seconds).toNanos());
    }

    /** True once the time is up. */
    public boolean expired() {
        return this != NONE && System.nanoTime() - endNanos >= 0;
    }
}
