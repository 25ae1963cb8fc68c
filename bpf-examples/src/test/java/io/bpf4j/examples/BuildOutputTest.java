package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Maven prints when it runs this build (the launcher runs it, and so does a contributor): no
 * stray ANSI codes (Debian's Maven emits {@code ESC[0m} from jansi even with {@code -B}), which
 * {@code .mvn/jvm.config} stops. (A missing clang's one-line error is the bpf4j Maven plugin's,
 * checked by bpf4j-it's {@code missing-clang} project.)
 */
class BuildOutputTest {
    private static final Path ROOT =
            Path.of(System.getenv().getOrDefault("BPF4J_REPO_ROOT", "..")).toAbsolutePath();

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
}
