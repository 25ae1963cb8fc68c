package io.bpf4j.examples.opensnoop;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** opensnoop's table: {@code TIME PID COMM FILE}, one row per open. */
final class OpenEventFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String ROW = "%-8s %-7s %-16s %s";

    private OpenEventFormat() {}

    /** The header line. */
    static String header() {
        return String.format(ROW, "TIME", "PID", "COMM", "FILE");
    }

    /** One event's row, stamped with {@code time}. */
    static String row(LocalTime time, OpensnoopSkel.Event event) {
        return String.format(ROW, TIME.format(time), event.pid(), event.comm(), event.filename());
    }
}
