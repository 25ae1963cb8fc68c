package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Maven prints when it runs this build (the launcher runs it, and so does a contributor): no
 * stray ANSI codes (Debian's Maven emits {@code ESC[0m} from jansi even with {@code -B}), and a
 * missing clang is the build script's one line, not the exec plugin's stack trace after it. Both
 * come from {@code .mvn/jvm.config}.
 */
class BuildOutputTest {
    private static final Path ROOT =
            Path.of(System.getenv().getOrDefault("BPF4J_REPO_ROOT", "..")).toAbsolutePath();
    private static final String NO_CLANG = "bpf4j-test-no-such-clang";

    @TempDir
    Path project;

    private record Run(int status, String output) {}

    private static Run maven(Path directory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of("mvn"), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().remove("MAVEN_OPTS"); // the project's own configuration, nothing else
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void mavenPrintsNoEscapeCodes() throws Exception {
        Run run = maven(ROOT, Map.of(), "-B", "-q", "-v");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).as("Maven's output").isNotBlank().doesNotContain("\u001b");
    }

    @Test
    void aMissingClangIsTheScriptsLineWithoutAStackTrace() throws Exception {
        // A module of this build, outside it: it inherits the BPF compile step from the root pom.
        Files.createDirectories(project.resolve("src/main/bpf"));
        Files.writeString(project.resolve("src/main/bpf/probe.bpf.c"), "char LICENSE[] = \"GPL\";\n");
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.bpf4j</groupId>
                    <artifactId>bpf4j-parent</artifactId>
                    <version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>clang-probe</artifactId>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(parentVersion(), project.relativize(ROOT).resolve("pom.xml"))); // relative, for Maven 3
        copyTree(ROOT.resolve(".mvn"), project.resolve(".mvn"));

        Run run = maven(project, Map.of("BPF4J_CLANG", NO_CLANG), "-B", "-q", "-o", "-Dbpf4j.root=" + ROOT,
                "generate-resources");

        assertThat(run.status()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("bpf4j: clang (" + NO_CLANG + ") is needed to compile BPF C in "
                        + project.resolve("src/main/bpf"))
                .contains("install it with: apt-get install clang-19")
                .doesNotContain("ExecuteException", "\tat ", "    at ", "\u001b");
    }

    private static String parentVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>bpf4j-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).as("the root pom's version").isTrue();
        return version.group(1);
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
}
