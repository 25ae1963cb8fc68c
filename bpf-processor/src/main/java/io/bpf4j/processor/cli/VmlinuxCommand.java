package io.bpf4j.processor.cli;

import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.btf.VmlinuxHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code bpf4j vmlinux [BTF_FILE]}: writes vmlinux.h, the C declarations of the kernel's types, to
 * standard output from raw BTF, by default the running kernel's — the replacement of
 * {@code bpftool btf dump file /sys/kernel/btf/vmlinux format c}, made by bpf-api's
 * {@link VmlinuxHeader}. The Maven plugin calls that library directly; this is for other builds.
 */
final class VmlinuxCommand {
    static final String USAGE = "usage: bpf4j vmlinux [BTF_FILE]   (default " + VmlinuxHeader.KERNEL_BTF
            + "); writes vmlinux.h to standard output";

    private VmlinuxCommand() {}

    /**
     * Runs the command.
     *
     * @return {@link GenerateCommand#OK}, {@link GenerateCommand#FAILED} when the file cannot be
     *     read or decoded or the output cannot be written, {@link GenerateCommand#USAGE}
     */
    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            err.println(USAGE);
            return GenerateCommand.OK;
        }
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            err.println(USAGE);
            return GenerateCommand.USAGE;
        }
        Path file = args.length == 1 ? Path.of(args[0]) : VmlinuxHeader.KERNEL_BTF;
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            VmlinuxHeader.write(file, writer);
            writer.flush();
        } catch (IOException | BtfFormatException | IllegalArgumentException e) {
            err.println("bpf4j vmlinux: cannot write vmlinux.h from " + file + ": " + e.getMessage());
            return GenerateCommand.FAILED;
        }
        if (out.checkError()) {
            err.println("bpf4j vmlinux: cannot write to standard output");
            return GenerateCommand.FAILED;
        }
        return GenerateCommand.OK;
    }
}
