package io.bpf4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Compiles every {@code *.bpf.c} under a source root into the same relative path with
 * {@code .bpf.o} under an output root, recompiling only what is stale, the way make would.
 *
 * <p>An object is up to date when it is newer than every file its last compilation read (clang's
 * {@code -MD} dependency file: the source, vmlinux.h, libbpf's and the user's headers) and was
 * made by the same command line. A compiled object is stamped with the time its compilation
 * started, so a file edited while clang ran makes it stale again. An object whose source is gone
 * is removed. The state lives in a directory of its own ({@code target/bpf4j/main}): a
 * {@code .d} and a {@code .cmd} file per object, and {@code objects.lst}.
 */
final class BpfCompiler {
    static final String SOURCE_SUFFIX = ".bpf.c";
    private static final String OBJECTS = "objects.lst";

    /**
     * What to compile and how.
     *
     * @param sourceRoot the directory of the {@code .bpf.c} files (absent: nothing to do)
     * @param outputRoot where the objects go, at the sources' relative paths
     * @param stateDir where the dependency files and command lines are kept
     * @param compilerVersion the compiler's version: an upgraded clang at the same path recompiles
     * @param baseCommand clang and every option but the file names
     * @param threads how many programs to compile at once
     */
    record Request(Path sourceRoot, Path outputRoot, Path stateDir, String compilerVersion, List<String> baseCommand,
            int threads) {
        Request {
            baseCommand = List.copyOf(baseCommand);
        }
    }

    /**
     * One clang run: its exit status (-1 when it exited 0 without writing the object) and
     * everything it printed.
     */
    record Run(String source, int status, String output) {
        boolean succeeded() {
            return status == 0;
        }
    }

    /**
     * What a run did.
     *
     * @param sources every program, relative to the source root
     * @param compiled the programs compiled
     * @param removed objects removed because their source is gone
     * @param outputs clang's output for each compiled program that printed something (warnings)
     * @param failures the programs that did not compile
     */
    record Result(List<String> sources, List<String> compiled, List<String> removed, List<Run> outputs,
            List<Run> failures) {
        /** Whether any object changed, so skeletons made from the old ones are stale. */
        boolean objectsChanged() {
            return !compiled.isEmpty() || !removed.isEmpty();
        }
    }

    private BpfCompiler() {}

    /** The programs under {@code sourceRoot}, relative and with {@code /}, sorted. */
    static List<String> sources(Path sourceRoot) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SOURCE_SUFFIX) && Files.isRegularFile(f))
                    .map(f -> sourceRoot.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** The object of program {@code source} (relative): {@code p/x.bpf.c} → {@code p/x.bpf.o}. */
    static String objectName(String source) {
        return source.substring(0, source.length() - 1) + "o";
    }

    /** Compiles what is stale. */
    static Result run(Request request) throws IOException {
        List<String> sources = sources(request.sourceRoot());
        Files.createDirectories(request.stateDir());
        List<String> stale = new ArrayList<>();
        for (String source : sources) {
            if (!upToDate(request, source)) {
                stale.add(source);
            }
        }
        List<String> compiled = new ArrayList<>();
        List<Run> outputs = new ArrayList<>();
        List<Run> failures = new ArrayList<>();
        if (!stale.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(request.threads(), stale.size())));
            try {
                List<Future<Run>> runs = new ArrayList<>();
                for (String source : stale) {
                    runs.add(pool.submit(() -> compile(request, source)));
                }
                for (int i = 0; i < stale.size(); i++) {
                    Run outcome = await(runs.get(i));
                    if (outcome.succeeded()) {
                        compiled.add(stale.get(i));
                        if (!outcome.output().isBlank()) {
                            outputs.add(outcome);
                        }
                    } else {
                        failures.add(outcome);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<String> removed = removeOrphans(request, sources);
        return new Result(sources, compiled, removed, outputs, failures);
    }

    private static Run await(Future<Run> run) throws IOException {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while clang ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("compiling a BPF program failed unexpectedly: " + e.getCause(),
                    e.getCause());
        }
    }

    /** The full command line for {@code source}; recorded, so a change of options recompiles. */
    static List<String> command(Request request, String source) {
        Path object = request.outputRoot().resolve(objectName(source));
        List<String> command = new ArrayList<>(request.baseCommand());
        command.addAll(List.of("-MD", "-MF", dependencyFile(request, source) + ".tmp", "-MT", object.toString(),
                "-c", request.sourceRoot().resolve(source).toString(), "-o", object + ".tmp"));
        return command;
    }

    /** What the {@code .cmd} file records: the compiler's version and the command line, one argument a line. */
    private static String commandRecord(Request request, String source) {
        return "clang " + request.compilerVersion() + "\n" + String.join("\n", command(request, source)) + "\n";
    }

    private static Path dependencyFile(Request request, String source) {
        return request.stateDir().resolve(objectName(source) + ".d");
    }

    private static Path commandFile(Request request, String source) {
        return request.stateDir().resolve(objectName(source) + ".cmd");
    }

    static boolean upToDate(Request request, String source) throws IOException {
        Path object = request.outputRoot().resolve(objectName(source));
        Path commandFile = commandFile(request, source);
        Path dependencyFile = dependencyFile(request, source);
        if (!Files.isRegularFile(object) || !Files.isRegularFile(commandFile) || !Files.isRegularFile(dependencyFile)) {
            return false;
        }
        if (!Files.readString(commandFile, StandardCharsets.UTF_8).equals(commandRecord(request, source))) {
            return false;
        }
        List<Path> inputs;
        try {
            inputs = DependencyFile.prerequisites(Files.readString(dependencyFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false; // a damaged state file: compile again
        }
        FileTime made = Files.getLastModifiedTime(object);
        for (Path input : inputs) {
            try {
                if (Files.getLastModifiedTime(input).compareTo(made) > 0) {
                    return false;
                }
            } catch (NoSuchFileException e) {
                return false; // a header went away: clang says what is missing now, if anything
            }
        }
        return !inputs.isEmpty();
    }

    /** Runs clang on one program; status 0 means the object and its state were written. */
    private static Run compile(Request request, String source) throws IOException {
        Path object = request.outputRoot().resolve(objectName(source));
        Path temporary = Path.of(object + ".tmp");
        Path dependencies = dependencyFile(request, source);
        Path dependenciesTemporary = Path.of(dependencies + ".tmp");
        Path commandFile = commandFile(request, source);
        Files.createDirectories(object.getParent());
        Files.createDirectories(dependencies.getParent());
        Files.deleteIfExists(commandFile);
        List<String> command = command(request, source);
        FileTime started = FileTime.from(Instant.now());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while clang compiled " + source, e);
        }
        if (status != 0 || !Files.isRegularFile(temporary)) {
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(dependenciesTemporary);
            return new Run(source, status == 0 ? -1 : status, output);
        }
        Files.move(temporary, object, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(object, started);
        Files.move(dependenciesTemporary, dependencies, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(commandFile, commandRecord(request, source), StandardCharsets.UTF_8);
        return new Run(source, 0, output);
    }

    /** Removes the objects of programs that were compiled before and are gone now; records the current list. */
    private static List<String> removeOrphans(Request request, List<String> sources) throws IOException {
        Path list = request.stateDir().resolve(OBJECTS);
        Set<String> previous = new LinkedHashSet<>();
        if (Files.isRegularFile(list)) {
            previous.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
        }
        previous.removeIf(String::isBlank);
        previous.removeAll(sources);
        List<String> removed = new ArrayList<>();
        for (String gone : previous) {
            if (Files.deleteIfExists(request.outputRoot().resolve(objectName(gone)))) {
                removed.add(gone);
            }
            Files.deleteIfExists(dependencyFile(request, gone));
            Files.deleteIfExists(commandFile(request, gone));
        }
        Files.write(list, sources, StandardCharsets.UTF_8);
        return removed;
    }
}
