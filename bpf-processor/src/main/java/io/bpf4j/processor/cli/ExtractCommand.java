package io.bpf4j.processor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Cuts the BPF objects embedded in binaries out into files:
 * {@code ExtractCommand OUT_DIR BINARY...} writes {@code OUT_DIR/<binary>.bpf.o} (or
 * {@code <binary>_2.bpf.o}, … when a binary holds several), so that {@code bpf4j gen} can generate
 * their skeletons. Used by {@code build/third-party-check.sh} on the libbpf-tools binaries.
 *
 * <p>Progress and errors go to standard error; the exit status is 0 when every binary held at least
 * one object, 1 otherwise, 2 on a usage error.
 */
public final class ExtractCommand {
    private ExtractCommand() {}

    /**
     * Runs the command and exits with its status.
     *
     * @param args {@code OUT_DIR BINARY...}
     */
    public static void main(String[] args) {
        System.exit(run(System.err, args));
    }

    /**
     * Runs the command, reporting on {@code err}.
     *
     * @return the exit status
     */
    public static int run(PrintStream err, String... args) {
        if (args.length < 2 || args[0].startsWith("-")) {
            err.println("usage: ExtractCommand OUT_DIR BINARY...  (writes OUT_DIR/<binary>.bpf.o for each"
                    + " BPF object embedded in each binary)");
            return GenerateCommand.USAGE;
        }
        Path outputDir = Path.of(args[0]);
        int failed = 0;
        for (int i = 1; i < args.length; i++) {
            Path binary = Path.of(args[i]);
            try {
                List<byte[]> objects;
                // Mapped, not read: a binary of hundreds of megabytes costs no heap to search.
                try (FileChannel channel = FileChannel.open(binary, StandardOpenOption.READ)) {
                    if (channel.size() > Integer.MAX_VALUE) {
                        err.println("bpf4j extract: " + binary + ": " + channel.size()
                                + " bytes, more than the 2 GiB this command searches");
                        failed++;
                        continue;
                    }
                    objects = EmbeddedObjects.find(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
                }
                if (objects.isEmpty()) {
                    err.println("bpf4j extract: " + binary + ": no embedded BPF object (ELF, e_machine "
                            + EmbeddedObjects.EM_BPF + ")");
                    failed++;
                }
                Files.createDirectories(outputDir);
                for (int n = 0; n < objects.size(); n++) {
                    String name = binary.getFileName() + (n == 0 ? "" : "_" + (n + 1)) + ".bpf.o";
                    Path target = outputDir.resolve(name);
                    Files.write(target, objects.get(n));
                    err.println("bpf4j extract: " + binary + " -> " + target + " (" + objects.get(n).length
                            + " bytes)");
                }
            } catch (IOException e) {
                err.println("bpf4j extract: " + binary + ": cannot extract: " + e);
                failed++;
            }
        }
        return failed == 0 ? GenerateCommand.OK : GenerateCommand.FAILED;
    }
}
