package io.bpf4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a libbpf C harness built by the same build (bpf-bench/src/main/c) and reads its results:
 * the lines of its output of the form {@code name number}.
 */
final class CHarness {

    private static final Pattern FIGURE = Pattern.compile("([a-z_]+) ([0-9.]+)");

    private CHarness() {
    }

    /**
     * Runs {@code executable} with {@code arguments}; returns the figures it reports by name.
     *
     * @throws IllegalStateException with the harness's output when it fails or does not report
     *     every one of {@code expected}
     */
    static Map<String, Double> run(Path executable, List<String> expected, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        Map<String, Double> figures = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher figure = FIGURE.matcher(line.strip());
            if (figure.matches()) {
                figures.put(figure.group(1), Double.parseDouble(figure.group(2)));
            }
        }
        if (!figures.keySet().containsAll(expected)) {
            throw new IllegalStateException(String.join(" ", command) + " did not report " + expected + ":\n" + output);
        }
        return figures;
    }
}
