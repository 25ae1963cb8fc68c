package io.bpf4j.examples.cli;

import java.util.concurrent.TimeUnit;

/** When a tool's {@code -d SECONDS} runs out; {@link #NONE} runs until stopped. */
public final class Deadline {
    /** Never expires. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** The longest duration: {@link System#nanoTime()} arithmetic overflows beyond (about 292 years). */
    public static final long MAX_SECONDS = TimeUnit.NANOSECONDS.toSeconds(Long.MAX_VALUE);

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /**
     * A deadline {@code seconds} from now.
     *
     * @throws IllegalArgumentException unless {@code seconds} is 1 to {@link #MAX_SECONDS}
     */
    public static Deadline afterSeconds(long seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds: " + seconds + " is not 1 to " + MAX_SECONDS);
        }
        return new Deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    /** True once the time is up. */
    public boolean expired() {
        return this != NONE && System.nanoTime() - endNanos >= 0;
    }
}
