package io.bpf4j.maven;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code vmlinux.h}: the C declarations of the kernel's types, written in-process by bpf-api's
 * {@code io.bpf4j.btf.VmlinuxHeader} from raw BTF (the running kernel's
 * {@code /sys/kernel/btf/vmlinux}, or a file the build names), so compiling BPF C needs no bpftool.
 *
 * <p>Up to date means untouched: beside the header, {@code vmlinux.h.stamp} records the SHA-256
 * of the BTF and the generator's identity (its version and a hash of its classes). While both
 * are the same the header is not rewritten, so its time stamp, which every object depends on
 * through clang's dependency file, does not move.
 */
final class VmlinuxHeaderFile {
    static final String HEADER = "vmlinux.h";
    static final String STAMP = "vmlinux.h.stamp";
    private static final String WRITER = "io.bpf4j.btf.VmlinuxHeader";

    private VmlinuxHeaderFile() {}

    /** What was done. */
    enum Outcome { WRITTEN, UP_TO_DATE }

    /**
     * Makes {@code dir/vmlinux.h} the header of {@code btf}, writing it only when the BTF or the
     * generator changed.
     *
     * @param api the toolchain holding bpf-api
     * @param version the generator's version (the plugin's)
     * @throws IOException when the BTF cannot be read or the header cannot be written
     * @throws IllegalArgumentException when the BTF is not valid BTF, naming the file
     */
    static Outcome ensure(Path btf, Path dir, Toolchain api, String version) throws IOException {
        String stamp = "btf " + btf.toAbsolutePath() + " sha256 " + Hashes.sha256(btf) + "\n"
                + "generator " + WRITER + " " + version + " classes " + api.contentHash(Toolchain.API, "io/bpf4j/btf/")
                + "\n";
        Path header = dir.resolve(HEADER);
        Path stampFile = dir.resolve(STAMP);
        if (Files.isRegularFile(header) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
            return Outcome.UP_TO_DATE;
        }
        Files.createDirectories(dir);
        // A name of its own (builds of several modules may share a directory) and the umask's mode,
        // which createTempFile would make private.
        Path temporary = dir.resolve(HEADER + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                api.call(WRITER, "write", new Class<?>[] {Path.class, Appendable.class}, btf, out);
            } catch (Toolchain.ToolException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                // BtfFormatException: the bytes are not BTF.
                throw new IllegalArgumentException(btf + " is not usable BTF: " + e.getCause().getMessage(), e);
            }
            Files.move(temporary, header, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        return Outcome.WRITTEN;
    }
}
