package io.bpf4j.tools.histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Writes the output of one interval of a periodic tool the way BCC's interval tools do
 * (runqlat, biolatency, hardirqs with {@code -T}): an empty line, then, when timestamps are on,
 * the wall-clock time as {@code "%-8s"} of {@code HH:MM:SS} on its own line, then the interval's
 * text. The caller chooses where the text goes; the clock is injectable so output can be tested.
 */
public final class IntervalPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Appendable out;
    private final Clock clock;
    private final boolean timestamps;

    /**
     * @param out where each interval's text goes, e.g. {@code System.out} in a tool's main
     * @param clock the clock whose zone and time the timestamp shows
     * @param timestamps whether to print the time line
     */
    public IntervalPrinter(Appendable out, Clock clock, boolean timestamps) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timestamps = timestamps;
    }

    /** The lines that start an interval: an empty line and, if enabled, the time line. */
    public String intervalHeader() {
        if (!timestamps) {
            return "\n";
        }
        StringBuilder header = new StringBuilder("\n");
        TextColumns.left(header, LocalTime.now(clock).format(TIME), 8);
        return header.append('\n').toString();
    }

    /**
     * Writes the interval header followed by {@code text} (typically a formatted histogram).
     *
     * @throws UncheckedIOException when the destination fails
     */
    public void print(String text) {
        try {
            out.append(intervalHeader()).append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing an interval's output", e);
        }
    }
}
