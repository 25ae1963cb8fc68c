package io.bpf4j.processor.cli;

import io.bpf4j.processor.SkeletonProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code bpf4j gen}: the {@code bpftool gen skeleton} of bpf4j. Writes the typed skeleton of each
 * BPF object given — the source the {@code @BpfSkeleton} processor generates — without a build
 * that runs the processor ({@code bpf4j gen --help} lists the options).
 *
 * <p>Progress, warnings and errors go to standard error, one line each, made safe for the terminal
 * ({@link SkeletonProcessor#printable}: names come from the objects, and file names may be a third party's); an
 * object that fails gets one line naming it and the reason, and the other objects are still
 * generated. Standard output stays empty.
 */
public final class GenerateCommand {
    /** Every skeleton was written. */
    public static final int OK = 0;
    /** At least one object failed; the others were written. */
    public static final int FAILED = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;

    private static final String PREFIX = "bpf4j gen: ";

    private final PrintStream err;

    private GenerateCommand(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line, as {@code bpf4j gen --help} describes it
     */
    public static void main(String[] args) {
        System.exit(run(System.err, args));
    }

    /**
     * Runs the command, reporting on {@code err}.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(PrintStream err, String... args) {
        return run(err, CompileCheck::new, args);
    }

    /**
     * {@link #run(PrintStream, String...)}, with {@code --check}'s compiler made by {@code checks}
     * from bpf-api's class path: the seam the fuzz harness uses to skip sources it compiled before.
     */
    static int run(PrintStream err, Function<String, CompileCheck> checks, String... args) {
        if (args.length == 0) {
            err.println(GenerateOptions.USAGE);
            return USAGE;
        }
        Optional<GenerateOptions> options;
        try {
            options = GenerateOptions.parse(args);
        } catch (UsageException e) {
            err.println(PREFIX + SkeletonProcessor.printable(e.getMessage()));
            return USAGE;
        }
        if (options.isEmpty()) {
            err.println(GenerateOptions.USAGE);
            return OK;
        }
        return new GenerateCommand(err).generate(options.get(), checks);
    }

    private int generate(GenerateOptions options, Function<String, CompileCheck> checks) {
        ProcessorRun processor = new ProcessorRun(options.packageName(), options.events());
        int failed = 0;
        try (CompileCheck check = options.check() ? checks.apply(ProcessorRun.apiClassPath()) : null) {
            for (Outcome outcome : processor.generate(options.objects())) {
                if (!emit(outcome, options, processor, check)) {
                    failed++;
                }
            }
        }
        if (options.objects().size() > 1) {
            err.println(PREFIX + (options.objects().size() - failed) + " of " + options.objects().size()
                    + " skeletons generated" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        return failed == 0 ? OK : FAILED;
    }

    /**
     * Writes one object's skeleton (and copies the object, and compiles the skeleton, when asked),
     * or says why it cannot.
     *
     * @param check null when the sources are not to be compiled
     * @return whether the skeleton was written (and compiles, if checked)
     */
    private boolean emit(Outcome outcome, GenerateOptions options, ProcessorRun processor, CompileCheck check) {
        // Paths are the user's, but may be a third party's file names: escaped like everything printed.
        String object = SkeletonProcessor.printable(outcome.object().toString());
        outcome.warnings().forEach(warning -> err.println(PREFIX + object + ": warning: " + warning));
        if (!outcome.succeeded()) {
            outcome.errors().forEach(error -> err.println(PREFIX + object + ": " + error));
            return false;
        }
        String source = outcome.source().orElseThrow();
        try {
            Path file = write(options.outputDir(), outcome.className(), source);
            if (options.resourceDir().isPresent()) {
                copy(outcome.object(), options.resourceDir().get().resolve(processor.resourceName(outcome.object())));
            }
            List<String> errors = check == null ? List.of() : check.errors(Map.of(outcome.className(), source));
            if (!errors.isEmpty()) {
                err.println(PREFIX + object + ": " + SkeletonProcessor.printable(file.toString())
                        + " does not compile against bpf-api: " + SkeletonProcessor.printable(errors.get(0))
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
                return false;
            }
            err.println(PREFIX + object + " -> " + SkeletonProcessor.printable(file.toString())
                    + (check == null ? "" : " (compiles)"));
            return true;
        } catch (IOException e) {
            err.println(PREFIX + object + ": cannot write its skeleton: " + SkeletonProcessor.printable(e.toString()));
            return false;
        }
    }

    /** Writes the source where javac -s would: {@code DIR/p/q/NameSkel.java}. */
    private static Path write(Path outputDir, String className, String source) throws IOException {
        Path file = outputDir.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    private static void copy(Path object, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(object, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
