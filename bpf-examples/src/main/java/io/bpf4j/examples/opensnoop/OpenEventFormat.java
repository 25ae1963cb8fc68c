package io.bpf4j.examples.opensnoop;

import io.bpf4j.text.Printable;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * opensnoop's table: {@code TIME PID COMM FILE}, one row per open. Command and file names are
 * chosen by whoever runs or opens something, and root reads this table: they are escaped from their
 * raw bytes ({@link Printable#escapeUtf8}), so a newline cannot forge a row, an escape sequence
 * cannot drive the terminal and a byte that is not UTF-8 shows as {@code \xNN}.
 */
final class OpenEventFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String ROW = "%-8s %-7s %-16s %s";

    /** Scratch for {@code char comm[16]} and {@code char filename[256]} of {@code struct event}. */
    private final byte[] comm = new byte[16];
    private final byte[] filename = new byte[256];

    /** The header line. */
    static String header() {
        return String.format(ROW, "TIME", "PID", "COMM", "FILE");
    }

    /** The row of the event under {@code event}, stamped with {@code time}. */
    String row(LocalTime time, OpensnoopSkel.Event.View event) {
        int commLength = event.comm(comm);
        int filenameLength = event.filename(filename);
        return String.format(ROW, TIME.format(time), event.pid(), Printable.escapeUtf8(comm, 0, commLength),
                Printable.escapeUtf8(filename, 0, filenameLength));
    }
}
