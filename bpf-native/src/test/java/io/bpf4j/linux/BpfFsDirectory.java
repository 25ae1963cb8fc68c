package io.bpf4j.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory on bpffs for pinning tests: {@code /sys/fs/bpf} when bpffs is mounted there, else a
 * private bpffs mounted on a temporary directory for the test and unmounted by {@link #close()}.
 */
final class BpfFsDirectory implements AutoCloseable {
    private static final Path STANDARD = Path.of("/sys/fs/bpf");

    private final Path directory;
    private final boolean mounted;

    private BpfFsDirectory(Path directory, boolean mounted) {
        this.directory = directory;
        this.mounted = mounted;
    }

    static BpfFsDirectory open() throws IOException {
        if (BpfFs.notOnBpfFs(STANDARD.toString()) == null) {
            return new BpfFsDirectory(STANDARD, false);
        }
        Path directory = Files.createTempDirectory("bpf4j-bpffs");
        run("mount", "-t", "bpf", "bpf", directory.toString());
        return new BpfFsDirectory(directory, true);
    }

    /** A fresh path for a pin in this directory. */
    Path newPath(String name) {
        return directory.resolve("bpf4j-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    @Override
    public void close() throws IOException {
        if (mounted) {
            run("umount", directory.toString());
            Files.delete(directory);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
