package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Routes libbpf's own messages to the {@link System.Logger} {@code io.bpf4j.libbpf} (never to
 * stdout or stderr, libbpf's default) and keeps the last few warnings of each thread, so that an
 * exception can quote libbpf's explanation of the failure it reports.
 *
 * <p>libbpf calls its print function on the thread that called into libbpf, so "this thread's
 * recent warnings" are exactly the warnings of the operation that thread just ran.
 */
final class LibbpfLog {
    private static final Logger LOGGER = System.getLogger("io.bpf4j.libbpf");
    private static final int KEPT_WARNINGS = 8;
    private static final int MESSAGE_BYTES = 4096;

    /** Held forever: libbpf keeps the function pointer, and a collected callback would crash it. */
    private static final LibBpf.PrintCallback CALLBACK = new Printer();

    private static final ThreadLocal<Deque<String>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Memory> FORMAT_BUFFER = ThreadLocal.withInitial(() -> new Memory(MESSAGE_BYTES));

    private static volatile boolean installed;

    private LibbpfLog() {}

    /** Makes libbpf print through this class; idempotent. */
    static void install() {
        if (installed) {
            return;
        }
        synchronized (LibbpfLog.class) {
            if (!installed) {
                LibBpf.libbpf_set_print(CALLBACK);
                installed = true;
            }
        }
    }

    /** Forgets this thread's warnings; called before an operation whose failure may quote them. */
    static void clearRecent() {
        RECENT.get().clear();
    }

    /**
     * This thread's warnings since {@link #clearRecent()} (the last few), oldest first, joined into
     * one line; {@code null} when there were none.
     */
    static String recentText() {
        Deque<String> recent = RECENT.get();
        return recent.isEmpty() ? null : String.join("; ", recent);
    }

    private static Level level(int libbpfLevel) {
        switch (libbpfLevel) {
            case LibBpf.LIBBPF_WARN:
                return Level.WARNING;
            case LibBpf.LIBBPF_INFO:
                return Level.INFO;
            default:
                return Level.DEBUG;
        }
    }

    private static void log(int libbpfLevel, Pointer format, Pointer args) {
        Level level = level(libbpfLevel);
        boolean warning = libbpfLevel == LibBpf.LIBBPF_WARN;
        // libbpf prints a lot at debug level during a load: format only what someone reads.
        if (!warning && !LOGGER.isLoggable(level)) {
            return;
        }
        Memory buffer = FORMAT_BUFFER.get();
        // A message longer than the buffer is truncated: va_list can be consumed only once.
        LibC.vsnprintf(buffer, buffer.size(), format, args);
        String message = buffer.getString(0).strip();
        if (message.isEmpty()) {
            return;
        }
        if (warning) {
            Deque<String> recent = RECENT.get();
            if (recent.size() == KEPT_WARNINGS) {
                recent.removeFirst();
            }
            recent.addLast(message);
        }
        LOGGER.log(level, message);
    }

    /** The callback libbpf calls; it must never let an exception unwind into C. */
    private static final class Printer implements LibBpf.PrintCallback {
        @Override
        public int invoke(int level, Pointer format, Pointer args) {
            try {
                log(level, format, args);
            } catch (Throwable t) {
                // Nothing can be reported to libbpf; losing one log line is the lesser harm.
            }
            return 0;
        }
    }
}
