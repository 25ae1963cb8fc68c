package io.bpf4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code bpf4j:compile} and {@code bpf4j:test-compile} share: finding clang, writing
 * vmlinux.h, compiling what is stale, reporting clang's messages as Maven's, and making javac
 * start afresh when an object changed.
 */
abstract class AbstractCompileMojo extends AbstractMojo {
    /** The Maven project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session: its repository session resolves bpf-api. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This plugin: its version is the version of bpf-api it runs. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** Resolves bpf-api. */
    @Inject
    protected RepositorySystem repositorySystem;

    /**
     * The clang to use: a path, or a name looked up on the {@code PATH}. When not set, the
     * {@code BPF4J_CLANG} environment variable names it, and without that {@code clang-19} then
     * {@code clang} are looked for. clang 10 or newer.
     */
    @Parameter(property = "bpf4j.clang")
    protected String clang;

    /**
     * The raw BTF that vmlinux.h is written from: by default the running kernel's. Name another
     * (e.g. a file from {@code /sys/kernel/btf/vmlinux} of the target machine) to build for it.
     */
    @Parameter(property = "bpf4j.btf", defaultValue = "/sys/kernel/btf/vmlinux")
    protected File btfFile;

    /**
     * Where vmlinux.h is written; it is on the include path, before the system's directories.
     */
    @Parameter(defaultValue = "${project.build.directory}/bpf4j/include")
    protected File headerDirectory;

    /**
     * More include directories, searched after the BPF source directory and before vmlinux.h's
     * and the system's. The source directory is always on the include path, so headers beside
     * the programs need nothing here.
     */
    @Parameter
    protected List<File> includes = new ArrayList<>();

    /** More clang options, e.g. {@code -Wall}, {@code -Werror}, {@code -DNAME=VALUE}. */
    @Parameter
    protected List<String> compilerArgs = new ArrayList<>();

    /**
     * The {@code __TARGET_ARCH_xxx} to define (libbpf's names: x86, arm64, s390, powerpc, riscv,
     * loongarch, arm); by default the build machine's.
     */
    @Parameter(property = "bpf4j.targetArch")
    protected String targetArch;

    /** How many programs to compile at once; by default one per processor. */
    @Parameter(property = "bpf4j.threads")
    protected int threads;

    /** Skips compiling BPF C. */
    @Parameter(property = "bpf4j.skip", defaultValue = "false")
    protected boolean skip;

    /** The directory of the {@code .bpf.c} files. */
    abstract File sourceDirectory();

    /** Where the objects go: a class output, so the skeleton processor and the run time find them. */
    abstract File outputDirectory();

    /** The annotation processor's generated sources of this class output (the compiler plugin's default). */
    abstract File generatedSourcesDirectory();

    /** The name of this goal's state directory under {@code target/bpf4j}: main or test. */
    abstract String scope();

    /** Whether this goal is to do nothing for a reason of its own (test-compile: maven.test.skip). */
    boolean skipped() {
        return skip;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("Skipping BPF compilation");
            return;
        }
        Path sourceRoot = sourceDirectory().toPath().toAbsolutePath().normalize();
        List<String> sources;
        try {
            sources = BpfCompiler.sources(sourceRoot);
        } catch (IOException e) {
            throw new MojoExecutionException("bpf4j: cannot list the BPF programs in " + sourceRoot + ": " + e, e);
        }
        if (sources.isEmpty()) {
            getLog().debug("No BPF programs (*.bpf.c) in " + sourceRoot);
            return;
        }
        Clang compiler;
        try {
            compiler = Clang.find(clang, System.getenv());
        } catch (Clang.ClangException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        try (Toolchain api = Toolchain.resolve(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), Toolchain.API, plugin.getVersion())) {
            Path headers = headerDirectory.toPath().toAbsolutePath().normalize();
            writeVmlinuxHeader(api, headers);
            BpfCompiler.Request request = new BpfCompiler.Request(sourceRoot,
                    outputDirectory().toPath().toAbsolutePath().normalize(),
                    Path.of(project.getBuild().getDirectory(), "bpf4j", scope()).toAbsolutePath(), compiler.version(),
                    baseCommand(compiler, sourceRoot, headers),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            BpfCompiler.Result result = BpfCompiler.run(request);
            report(api, compiler, request, result);
        } catch (IOException e) {
            throw new MojoExecutionException("bpf4j: " + e.getMessage(), e);
        }
    }

    private void writeVmlinuxHeader(Toolchain api, Path headers) throws MojoExecutionException, IOException {
        Path btf = btfFile.toPath();
        if (!Files.isReadable(btf)) {
            throw new MojoExecutionException("bpf4j: " + btf + " is missing or unreadable: vmlinux.h is written from"
                    + " the kernel's BTF, which needs a kernel built with CONFIG_DEBUG_INFO_BTF; or name a BTF file"
                    + " with -Dbpf4j.btf=FILE (the plugin's <btfFile>)");
        }
        try {
            VmlinuxHeaderFile.Outcome outcome = VmlinuxHeaderFile.ensure(btf, headers, api, plugin.getVersion());
            if (outcome == VmlinuxHeaderFile.Outcome.WRITTEN) {
                getLog().info("Wrote " + headers.resolve(VmlinuxHeaderFile.HEADER) + " from " + btf);
            } else {
                getLog().debug(headers.resolve(VmlinuxHeaderFile.HEADER) + " is up to date with " + btf);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("bpf4j: cannot write vmlinux.h: " + e.getMessage(), e);
        }
    }

    private List<String> baseCommand(Clang compiler, Path sourceRoot, Path headers) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(sourceRoot);
        for (File include : includes) {
            dirs.add(include.toPath().toAbsolutePath().normalize());
        }
        dirs.add(headers);
        TargetArch arch = targetArch == null || targetArch.isBlank()
                ? TargetArch.ofJvm() : new TargetArch(targetArch.strip(), TargetArch.ofJvm().multiarch());
        // -target bpf searches /usr/include but not the multiarch directory, which has asm/ (usdt.bpf.h).
        Optional<Path> multiarch = arch.multiarch().map(triplet -> Path.of("/usr/include", triplet))
                .filter(Files::isDirectory);
        multiarch.ifPresent(dirs::add);
        List<String> command = new ArrayList<>(compiler.command(arch.name(), dirs, List.of()));
        // The objects' debug info and BTF line info name the sources relative to the project, and the
        // compilation directory is '.', so the same sources give the same bytes wherever the project
        // is and wherever Maven was started (reproducible jars).
        command.add("-ffile-prefix-map=" + project.getBasedir().toPath().toAbsolutePath().normalize() + "=.");
        command.add("-fdebug-compilation-dir=.");
        command.addAll(compilerArgs);
        return command;
    }

    private void report(Toolchain api, Clang compiler, BpfCompiler.Request request, BpfCompiler.Result result)
            throws MojoFailureException, IOException {
        Path output = request.outputRoot();
        int total = result.sources().size();
        if (result.compiled().isEmpty() && result.failures().isEmpty()) {
            getLog().info("BPF objects up to date: " + total + " in " + output);
        } else {
            getLog().info("Compiling " + (result.compiled().size() + result.failures().size()) + " of " + total
                    + " BPF programs with " + compiler.executable() + " (clang " + compiler.version() + ") into "
                    + output);
        }
        for (String removed : result.removed()) {
            getLog().info("Removed " + output.resolve(BpfCompiler.objectName(removed)) + ": its source is gone");
        }
        for (BpfCompiler.Run run : result.outputs()) {
            logMessages(api, run, request);
        }
        List<String> errors = new ArrayList<>();
        for (BpfCompiler.Run failure : result.failures()) {
            errors.addAll(logMessages(api, failure, request));
        }
        if (result.objectsChanged()) {
            int deleted = StaleJavaOutputs.remove(output, generatedSourcesDirectory().toPath());
            if (deleted > 0) {
                getLog().info("Removed the " + deleted + " class files of " + output + " and the generated sources in "
                        + generatedSourcesDirectory() + ": the skeletons of changed objects are generated again");
            }
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException("bpf4j: " + result.failures().size() + " of " + total
                    + " BPF programs did not compile: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors, above)" : ""));
        }
    }

    /**
     * Logs clang's messages about one program at their severity, as {@code FILE:LINE:COLUMN: error: message};
     * escaped, since a source line can hold anything.
     *
     * @return the errors, one line each
     */
    private List<String> logMessages(Toolchain api, BpfCompiler.Run run, BpfCompiler.Request request) {
        List<String> errors = new ArrayList<>();
        List<Diagnostic> diagnostics = Diagnostic.parse(run.output());
        for (Diagnostic diagnostic : diagnostics) {
            String line = api.escape(diagnostic.text()) + hint(diagnostic.message());
            switch (diagnostic.severity()) {
                case ERROR -> {
                    getLog().error(line);
                    diagnostic.context().forEach(c -> getLog().error(api.escape(c)));
                    errors.add(line);
                }
                case WARNING -> {
                    getLog().warn(line);
                    diagnostic.context().forEach(c -> getLog().warn(api.escape(c)));
                }
                case NOTE -> {
                    getLog().info(line);
                    diagnostic.context().forEach(c -> getLog().info(api.escape(c)));
                }
            }
        }
        if (!run.succeeded() && errors.isEmpty()) {
            // No message in clang's format (clang itself failed, or was killed): show all of it.
            String source = request.sourceRoot().resolve(run.source()).toString();
            String what = run.status() < 0 ? "exited 0 without writing the object"
                    : "failed with status " + run.status();
            String line = api.escape(source + ": clang " + what);
            getLog().error(line);
            run.output().lines().forEach(l -> getLog().error(api.escape(l)));
            errors.add(line + (run.output().isBlank() ? "" : ": " + api.escape(run.output().lines().findFirst()
                    .orElse(""))));
        }
        return errors;
    }

    /** What to install when clang cannot find libbpf's headers. */
    private static String hint(String message) {
        return message.matches("'bpf/[^']+' file not found")
                ? " (libbpf's headers are missing: apt-get install libbpf-dev, or dnf install libbpf-devel)"
                : "";
    }
}
