package io.bpf4j.examples;

import io.bpf4j.examples.cli.StandardOutput;
import io.bpf4j.examples.cli.ToolFailure;
import io.bpf4j.examples.cli.UsageError;
import io.bpf4j.examples.minimal.MinimalCommand;
import io.bpf4j.examples.opencount.OpencountCommand;
import io.bpf4j.examples.opensnoop.OpensnoopCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The examples' one entry point: {@code bpf4j-examples TOOL [OPTIONS]}; without a tool it lists them. */
@Command(name = "bpf4j-examples", mixinStandardHelpOptions = true, version = "bpf4j examples 0.1.0",
        description = "eBPF tutorial tools written with bpf4j. Run as root, or with CAP_BPF + CAP_PERFMON"
                + " and read access to tracefs (README.md, Privileges).",
        subcommands = {MinimalCommand.class, OpensnoopCommand.class, OpencountCommand.class})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Usage: bpf4j-examples TOOL [OPTIONS]   (TOOL --help for its options)");
        out.println();
        out.println("Tools:");
        spec.subcommands().forEach((name, command) -> out.printf("  %-12s %s%n", name,
                String.join(" ", command.getCommandSpec().usageMessage().description())));
    }

    /** Runs the tool named by the first argument, writing to standard output, and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = StandardOutput.writer();
        int status = commandLine().setOut(out).execute(args);
        out.flush(); // the writer buffers (the tools flush per batch); help and the tool list end here
        System.exit(status);
    }

    /** The command line with every tool, for {@link #main} and tests (which set their own output). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ToolFailure())
                .setParameterExceptionHandler(new UsageError());
    }
}
