package io.bpf4j.processor.cli;

import io.bpf4j.text.Printable;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code bpf4j} command line of the executable jar ({@code java -jar bpf-processor-VERSION-cli.jar
 * COMMAND ...}): {@code gen} writes skeletons ({@link GenerateCommand}), {@code extract} cuts BPF
 * objects out of binaries ({@link ExtractCommand}), {@code vmlinux} writes vmlinux.h
 * ({@link VmlinuxCommand}). Messages go to standard error; only {@code vmlinux} writes to
 * standard output.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: bpf4j COMMAND [ARGS...]",
            "",
            "  gen --package PKG --out DIR [...] OBJECT.bpf.o...   write typed skeletons (gen --help)",
            "  extract OUT_DIR BINARY...                           cut embedded BPF objects out of binaries",
            "  vmlinux [BTF_FILE]                                  write vmlinux.h from BTF to standard output",
            "",
            "Exit status: 0 on success, 1 when something failed, 2 on a usage error.");

    private Main() {}

    /**
     * Runs a command and exits with its status.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        int status = run(System.out, System.err, args);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs a command.
     *
     * @return the command's exit status
     */
    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return GenerateCommand.USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "gen" -> GenerateCommand.run(err, rest);
            case "extract" -> ExtractCommand.run(err, rest);
            case "vmlinux" -> VmlinuxCommand.run(out, err, rest);
            case "-h", "--help", "help" -> {
                err.println(USAGE);
                yield GenerateCommand.OK;
            }
            default -> {
                err.println("bpf4j: unknown command '" + Printable.escape(args[0]) + "' (see --help)");
                yield GenerateCommand.USAGE;
            }
        };
    }
}
