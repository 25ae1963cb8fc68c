package io.bpf4j.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * bpf4j's own code that a goal runs: {@code io.bpf4j:bpf-api} (the vmlinux.h writer, the log
 * escaper) or {@code io.bpf4j:bpf-processor} (the skeleton generator), of the plugin's own version,
 * resolved with its run-time dependencies when the goal runs and loaded in a class loader of its
 * own.
 *
 * <p>Why not a dependency of the plugin: bpf-api and bpf-processor compile their test fixtures with
 * this plugin, so the plugin cannot depend on them in the build that makes them. Resolved this way,
 * in that build the artifact is the module's {@code target/classes}, compiled before its tests'
 * BPF C; in a user's build it is the published jar. The calls below are the contract between the
 * plugin and those modules: public static methods that do not change without the plugin.
 */
final class Toolchain implements AutoCloseable {
    static final String GROUP_ID = "io.bpf4j";
    static final String API = "bpf-api";
    static final String PROCESSOR = "bpf-processor";

    private final String rootArtifact;
    private final Map<String, Path> files;
    private final URLClassLoader loader;

    private Toolchain(String rootArtifact, Map<String, Path> files) {
        this.rootArtifact = rootArtifact;
        this.files = Collections.unmodifiableMap(files);
        List<URL> urls = new ArrayList<>();
        for (Path file : files.values()) {
            try {
                urls.add(file.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class-path entry: " + file, e);
            }
        }
        // The platform loader as parent: nothing of Maven's or of the plugin's class path leaks in,
        // and the JDK's javax.tools (which the generator runs) is still there.
        this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Resolves {@code io.bpf4j:artifactId:version} and its compile and run-time dependencies.
     *
     * @throws MojoExecutionException naming the artifact and the resolver's reason
     */
    static Toolchain resolve(RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, String artifactId, String version) throws MojoExecutionException {
        Artifact root = new DefaultArtifact(GROUP_ID, artifactId, "jar", version);
        CollectRequest collect = new CollectRequest(new Dependency(root, "runtime"), repositories);
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || List.of("compile", "runtime").contains(node.getDependency().getScope());
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, new DependencyRequest(collect, runtime)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("bpf4j: cannot resolve " + root + ", which this goal runs: "
                    + e.getMessage() + " (building bpf4j itself? add -am, so that " + artifactId
                    + " is built in the same reactor)", e);
        }
        Map<String, Path> files = new TreeMap<>();
        for (ArtifactResult result : results) {
            Artifact artifact = result.getArtifact();
            files.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getFile().toPath());
        }
        return new Toolchain(artifactId, files);
    }

    /** A toolchain over class-path entries already at hand, keyed {@code groupId:artifactId}; for tests. */
    static Toolchain of(String rootArtifact, Map<String, Path> files) {
        return new Toolchain(rootArtifact, new TreeMap<>(files));
    }

    /** Where {@code io.bpf4j:artifactId} was resolved to: a jar, or a classes directory in a reactor. */
    Path file(String artifactId) {
        Path file = files.get(GROUP_ID + ":" + artifactId);
        if (file == null) {
            throw new IllegalStateException(GROUP_ID + ":" + artifactId + " is not part of " + rootArtifact
                    + "'s class path " + files.keySet());
        }
        return file;
    }

    /**
     * A hash of the class files under {@code packagePath} (e.g. {@code io/bpf4j/btf/}) of
     * {@code io.bpf4j:artifactId}: what a generated file depends on, independent of time stamps
     * (javac rewrites every class of a module when any of its sources changes).
     */
    String contentHash(String artifactId, String packagePath) {
        Path file = file(artifactId);
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(file)) {
                Path dir = file.resolve(packagePath);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> paths = Files.walk(dir)) {
                        for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                            classes.put(file.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(file.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().startsWith(packagePath)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                classes.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        MessageDigest digest = Hashes.sha256();
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code io.bpf4j.text.Printable.escape(text)}: the project's one terminal and log escaper. */
    String escape(CharSequence text) {
        return (String) call("io.bpf4j.text.Printable", "escape", new Class<?>[] {CharSequence.class}, text);
    }

    /**
     * Calls the public static method {@code className.method(types)} with {@code args}; an exception
     * it throws is rethrown as is when unchecked, wrapped in {@link ToolException} when checked.
     */
    Object call(String className, String method, Class<?>[] types, Object... args) {
        Method target;
        try {
            target = Class.forName(className, true, loader).getMethod(method, types);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(className + "." + method + " is missing from " + files.values()
                    + ": the plugin and bpf4j's libraries must have the same version", e);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return target.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(className + "." + method + " is not public", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ToolException(cause);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** A checked exception thrown by a tool method, e.g. the {@code IOException} of a write. */
    static final class ToolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
