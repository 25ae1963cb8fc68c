package io.bpf4j.examples.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * The tools' {@code --verbose} option. libbpf's messages go to the {@code io.bpf4j.libbpf} logger;
 * the tools keep it silent unless asked, because every failure they report already carries
 * libbpf's explanation.
 */
public final class Verbosity {
    private static final Logger LIBBPF = Logger.getLogger("io.bpf4j.libbpf");

    static {
        LIBBPF.setLevel(Level.OFF);
    }

    /** Called by picocli when {@code --verbose} is given. */
    @Option(names = "--verbose", description = "Print libbpf's debug messages to stderr.")
    void verbose(boolean on) {
        if (on) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.ALL);
            LIBBPF.setUseParentHandlers(false);
            LIBBPF.addHandler(handler);
            LIBBPF.setLevel(Level.ALL);
        }
    }
}
