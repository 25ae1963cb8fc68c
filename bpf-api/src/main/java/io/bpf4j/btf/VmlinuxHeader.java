package io.bpf4j.btf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code vmlinux.h} to standard output from a raw BTF file, by default the running
 * kernel's: {@code java -cp bpf-api.jar io.bpf4j.btf.VmlinuxHeader [/sys/kernel/btf/vmlinux] > vmlinux.h}.
 * The replacement of {@code bpftool btf dump file ... format c}, so building BPF C needs no bpftool.
 * Exits with status 1 and a message on standard error when the file cannot be read or decoded,
 * and with status 2 on wrong usage.
 */
public final class VmlinuxHeader {
    /** The running kernel's BTF. */
    public static final Path KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private VmlinuxHeader() {
    }

    /**
     * Runs the command.
     *
     * @param args at most one argument: the raw BTF file to read
     */
    public static void main(String[] args) {
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            System.err.println("usage: java io.bpf4j.btf.VmlinuxHeader [BTF_FILE]   (default " + KERNEL_BTF
                    + "); writes the C header to standard output");
            System.exit(2);
        }
        Path file = args.length == 1 ? Path.of(args[0]) : KERNEL_BTF;
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            write(file, out);
            out.flush();
        } catch (IOException | BtfFormatException | IllegalArgumentException e) {
            System.err.println("bpf4j: cannot write vmlinux.h from " + file + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Writes the C header of the raw BTF file {@code btfFile} to {@code out}.
     *
     * @throws IOException when the file cannot be read or {@code out} fails
     * @throws BtfFormatException when the file is not valid BTF
     */
    public static void write(Path btfFile, Appendable out) throws IOException, BtfFormatException {
        Btf btf = Btf.parse(ByteBuffer.wrap(Files.readAllBytes(btfFile)));
        new CHeaderWriter(btf).write(out);
    }
}
