package io.bpf4j.examples.cli;

import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The tools' numeric options: decimal digits only (no octal or hex surprises: {@code 010} is ten),
 * within a range, else a usage error naming the range. Picocli reports a
 * {@link TypeConversionException} as "Invalid value for option '--pid': ..." with exit status 2.
 */
public final class WholeNumber {
    private WholeNumber() {}

    /** {@code text} as a number from {@code min} to {@code max}; {@code what} names it in the error. */
    static long parse(String text, long min, long max, String what) {
        if (text == null || !text.matches("[+-]?[0-9]+")) {
            // Quoted as given: UsageError escapes the whole message.
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException(text + " is out of range: " + what);
        }
        return value.longValueExact();
    }

    /**
     * {@code -p PID}: a process id, 1 to 4194304. Linux's pids never exceed {@code PID_MAX_LIMIT}
     * (the ceiling of {@code /proc/sys/kernel/pid_max}); anything larger would also be cut to the
     * program's {@code __u32} and trace some other process.
     */
    public static final class Pid implements ITypeConverter<Long> {
        /** Linux's {@code PID_MAX_LIMIT} on 64-bit machines: 4 * 1024 * 1024. */
        public static final long MAX = 4L * 1024 * 1024;

        @Override
        public Long convert(String text) {
            return parse(text, 1, MAX, "a process id is 1 to " + MAX);
        }
    }

    /** {@code -d SECONDS}: at least 1, and at most what {@link Deadline} can count in nanoseconds. */
    public static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parse(text, 1, Deadline.MAX_SECONDS, "seconds are 1 to " + Deadline.MAX_SECONDS);
        }
    }
}
