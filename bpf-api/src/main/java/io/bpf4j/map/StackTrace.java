package io.bpf4j.map;

import java.util.Arrays;

/**
 * One stack trace from a stack trace map: instruction pointers, innermost frame first. The kernel
 * stores at most 127 frames ({@code PERF_MAX_STACK_DEPTH}) and ends shorter traces with a zero,
 * which is not part of {@link #frames()}.
 */
public final class StackTrace {
    /** The kernel's limit on frames per trace. */
    public static final int MAX_DEPTH = 127;

    private final long[] frames;

    /** A trace of {@code frames}, innermost first (copied). */
    public StackTrace(long[] frames) {
        if (frames.length > MAX_DEPTH) {
            throw new IllegalArgumentException("a stack trace has at most " + MAX_DEPTH + " frames, got "
                    + frames.length);
        }
        this.frames = frames.clone();
    }

    /** The instruction pointers, innermost first (a copy). */
    public long[] frames() {
        return frames.clone();
    }

    /** How many frames the trace has. */
    public int depth() {
        return frames.length;
    }

    /** Frame {@code index}'s instruction pointer (0 is the innermost). */
    public long frame(int index) {
        return frames[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StackTrace && Arrays.equals(frames, ((StackTrace) other).frames);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frames);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StackTrace[");
        for (int i = 0; i < frames.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(frames[i]));
        }
        return sb.append(']').toString();
    }
}
