package io.bpf4j.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Generates the typed skeletons of BPF objects given as files, for objects that are not compiled
 * from this project's {@code src/main/bpf} (prebuilt, or made by another tool): the same source
 * {@code @BpfSkeleton} generates for a type named after the object ({@code tcp_connlat.bpf.o} →
 * {@code PACKAGE.TcpConnlatSkel}), written to {@code target/generated-sources/bpf4j}, which is added
 * as a source root. Each object is copied into the class output at the path its skeleton loads it
 * from ({@code PACKAGE/tcp_connlat.bpf.o}). The skeletons compile against bpf-api alone.
 *
 * <p>Nothing is done while the objects, the options and the generator are those of the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
    private static final String COMMAND = "io.bpf4j.processor.cli.GenerateCommand";

    /** The Maven project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build session: its repository session resolves bpf-processor. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** This execution: its id names its state file. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** This plugin: its version is the version of bpf-processor it runs. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Resolves bpf-processor. */
    @Inject
    private RepositorySystem repositorySystem;

    /** The package of the skeletons. */
    @Parameter(property = "bpf4j.package", required = true)
    private String packageName;

    /** The {@code .bpf.o} files. */
    @Parameter(required = true)
    private List<File> objects = new ArrayList<>();

    /**
     * Ring-buffer record types, map name → struct name, for every object (like
     * {@code @BpfSkeleton(events = ...)}); the value {@code :raw} binds raw records.
     */
    @Parameter
    private Map<String, String> events = new LinkedHashMap<>();

    /** Where the skeleton sources are written; added as a compile source root. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/bpf4j")
    private File sourceOutputDirectory;

    /** Where the objects are copied to, at their skeletons' resource paths. */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    private File resourceOutputDirectory;

    /** Skips generating skeletons. */
    @Parameter(property = "bpf4j.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping skeleton generation");
            return;
        }
        Path sources = sourceOutputDirectory.toPath().toAbsolutePath().normalize();
        project.addCompileSourceRoot(sources.toString());
        if (objects.isEmpty()) {
            throw new MojoExecutionException("bpf4j: <objects> names no .bpf.o file");
        }
        List<String> args = new ArrayList<>(List.of("--package", packageName, "--out", sources.toString(),
                "--resources", resourceOutputDirectory.getAbsolutePath()));
        events.forEach((map, struct) -> args.addAll(List.of("--event", map + "=" + struct)));
        args.add("--");
        for (File object : objects) {
            args.add(object.getAbsolutePath());
        }
        try (Toolchain processor = Toolchain.resolve(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), Toolchain.PROCESSOR, plugin.getVersion())) {
            Path stampFile = Path.of(project.getBuild().getDirectory(), "bpf4j",
                    "generate-" + execution.getExecutionId() + ".stamp");
            String stamp = stamp(processor, args);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                    && Files.isDirectory(sources) && copiesExist()) {
                getLog().info("Skeletons up to date: " + objects.size() + " in " + sources);
                return;
            }
            Files.deleteIfExists(stampFile);
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            int status;
            try (PrintStream err = new PrintStream(report, true, StandardCharsets.UTF_8)) {
                status = (Integer) processor.call(COMMAND, "run", new Class<?>[] {PrintStream.class, String[].class},
                        err, args.toArray(String[]::new));
            }
            List<String> problems = new ArrayList<>();
            for (String line : report.toString(StandardCharsets.UTF_8).split("\n")) {
                // Its lines are escaped by the generator; each names the object it is about.
                if (line.contains(" -> ") || line.matches("bpf4j gen: \\d+ of \\d+ skeletons generated")) {
                    getLog().info(line);
                } else if (!line.isBlank()) {
                    getLog().error(line);
                    problems.add(line);
                }
            }
            if (status != 0) {
                throw new MojoFailureException("bpf4j: skeleton generation failed"
                        + (problems.isEmpty() ? " (status " + status + ")" : ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, above)" : "")));
            }
            Files.createDirectories(stampFile.getParent());
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("bpf4j: " + e.getMessage(), e);
        }
    }

    /** Whether every object is still where its skeleton loads it from. */
    private boolean copiesExist() {
        Path resources = resourceOutputDirectory.toPath().resolve(packageName.replace('.', '/'));
        return objects.stream().allMatch(object -> Files.isRegularFile(resources.resolve(object.getName())));
    }

    /** The objects' contents, the options and the generator: what the generated files depend on. */
    private String stamp(Toolchain processor, List<String> args) throws IOException {
        StringBuilder stamp = new StringBuilder("generator ").append(plugin.getVersion()).append(' ')
                .append(processor.contentHash(Toolchain.PROCESSOR, "io/bpf4j/")).append(' ')
                .append(processor.contentHash(Toolchain.API, "io/bpf4j/")).append('\n');
        args.forEach(arg -> stamp.append("arg ").append(arg).append('\n'));
        for (File object : objects) {
            Path file = object.toPath();
            stamp.append("object ").append(file.toAbsolutePath()).append(' ')
                    .append(Files.isRegularFile(file) ? Hashes.sha256(file) : "missing").append('\n');
        }
        return stamp.toString();
    }
}
