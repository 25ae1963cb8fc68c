package io.bpf4j.examples;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts the examples' entry point in a child JVM, as a user would run a tool. */
final class ChildTool {
    private ChildTool() {}

    /** How a child tool ended: its status and everything it wrote. */
    record Result(int status, String stdout, String stderr) {}

    /**
     * The command that runs {@link Main} with {@code args}: {@code prefix} (e.g. setpriv), then java
     * with {@code jvmOptions}.
     */
    static List<String> command(String classPath, List<String> prefix, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} with no input and waits up to {@code seconds} for it to end (fails after). */
    static Result run(List<String> command, Path directory, long seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        // Read both streams while it runs: a full pipe would block the child.
        var stdout = readAsync(process.getInputStream());
        var stderr = readAsync(process.getErrorStream());
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the tool did not finish within " + seconds + " s: " + command);
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    /** Reads {@code in} to its end on a thread of its own (the common pool may have a single thread). */
    static CompletableFuture<String> readAsync(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                text.completeExceptionally(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** This test's class path. */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * The class path copied into {@code dir} (jars and class directories alike), readable by every
     * user: an unprivileged child cannot read the build's own output when the clone lives in a
     * directory only its owner may enter ({@code /root}, a {@code mktemp -d}).
     */
    static String readableClassPath(Path dir) throws IOException {
        Path copies = Files.createDirectory(dir.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath().split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path copy = copies.resolve((n++) + "-" + source.getFileName());
            if (Files.isRegularFile(source)) {
                Files.copy(source, copy);
                entries.add(copy.toString());
            } else if (Files.isDirectory(source)) {
                copyTree(source, copy);
                entries.add(copy.toString());
            }
        }
        makeReadableByAll(dir);
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    /** Directories rwxr-xr-x and files rw-r--r--, {@code dir} included. */
    private static void makeReadableByAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** A directory in {@code dir} every user may write, for JNA to unpack its native library into. */
    static Path sharedTempDir(Path dir) throws IOException {
        Path shared = Files.createDirectory(dir.resolve("tmp"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        return shared;
    }
}
