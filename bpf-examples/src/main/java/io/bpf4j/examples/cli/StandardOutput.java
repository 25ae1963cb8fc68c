package io.bpf4j.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tools' standard output. {@code System.out} hides write errors; this writer reports them
 * through {@link PrintWriter#checkError()}, so a tool notices when the program reading its output
 * went away ({@code opensnoop | head -3}). A C tool is killed by SIGPIPE then; the JVM ignores
 * SIGPIPE, so the write fails with EPIPE instead and the tool has to stop by itself.
 */
public final class StandardOutput {
    /**
     * The exit status of a tool whose reader went away: 141, what a shell reports for a C tool
     * killed by SIGPIPE (128 + 13), so {@code set -o pipefail} scripts see the same status for both.
     */
    public static final int READER_GONE = 141;

    private static final Path FD_1 = Path.of("/proc/self/fd/1");

    private StandardOutput() {}

    /** A writer on file descriptor 1, in the encoding {@code System.out} uses, that records write errors. */
    public static PrintWriter writer() {
        return new PrintWriter(new FileOutputStream(FileDescriptor.out), false, charset());
    }

    private static Charset charset() {
        // Java 18+ names the encoding stdout.encoding; Java 17 sun.stdout.encoding (on a terminal only).
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /**
     * Whether file descriptor 1 is a pipe or a socket: there a failed write means the reader closed
     * its end (EPIPE), while on a file or terminal it is a real error worth reporting.
     */
    static boolean isPipe() {
        try {
            String target = Files.readSymbolicLink(FD_1).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false; // cannot tell: report the failure rather than hide it
        }
    }
}
