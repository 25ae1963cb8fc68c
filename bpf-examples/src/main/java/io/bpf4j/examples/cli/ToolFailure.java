package io.bpf4j.examples.cli;

import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Prints a tool's failure as one plain line on stderr (no stack trace) and picks the exit status:
 * 77 for missing privileges, 1 otherwise.
 */
public final class ToolFailure implements CommandLine.IExecutionExceptionHandler {
    /** Exit status when privileges are missing (as sysexits' EX_NOPERM). */
    public static final int NO_PERMISSION = 77;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (!(e instanceof BpfException)) {
            throw e; // a bug, not an environment problem: keep the stack trace
        }
        PrintWriter err = commandLine.getErr();
        String tool = commandLine.getCommandName();
        if (e instanceof BpfPermissionException p) {
            err.println(tool + ": " + p.getMessage());
            err.flush();
            return NO_PERMISSION;
        }
        err.println(tool + ": " + e.getMessage());
        err.flush();
        return 1;
    }
}
