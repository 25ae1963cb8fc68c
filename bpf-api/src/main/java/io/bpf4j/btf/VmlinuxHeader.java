package io.bpf4j.btf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code vmlinux.h} from a raw BTF file, by default the running kernel's: the replacement of
 * {@code bpftool btf dump file ... format c}, so building BPF C needs no bpftool. The bpf4j Maven
 * plugin calls {@link #write} to put the header on clang's include path; {@code bpf4j vmlinux}
 * (the executable jar of bpf-processor) writes it to standard output.
 */
public final class VmlinuxHeader {
    /** The running kernel's BTF. */
    public static final Path KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private VmlinuxHeader() {
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
