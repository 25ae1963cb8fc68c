package io.bpf4j.examples.cli;

import io.bpf4j.text.Printable;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A wrong command line: one line on stderr naming the tool and the problem (not picocli's usage
 * text after it) and picocli's usage status, 2.
 */
public final class UsageError implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // The message quotes the arguments, which are the caller's own text: escaped all the same.
        err.println(commandLine.getCommandName() + ": " + Printable.escape(e.getMessage()) + " (see --help)");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}
