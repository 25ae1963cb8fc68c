package io.bpf4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clang that compiles BPF C, and how it is found: the {@code bpf4j.clang} parameter, else the
 * {@code BPF4J_CLANG} environment variable, else {@code clang-19} then {@code clang} on the
 * {@code PATH}. A name with a slash is a path; one without is looked up on the {@code PATH}. A
 * compiler named explicitly is the only one tried.
 *
 * @param executable the compiler
 * @param version its version as {@code --version} reports it, e.g. {@code 19.1.7}
 * @param major the major version
 */
record Clang(Path executable, String version, int major) {
    /**
     * The oldest clang accepted: 10 is the first whose BPF target emits BTF for global data
     * ({@code .rodata}, {@code .bss}, {@code .data}, BTF-defined maps) and CO-RE relocations
     * ({@code preserve_access_index}), which bpf4j's skeletons and vmlinux.h rely on. Tested with 19.
     */
    static final int MINIMUM_MAJOR = 10;

    /** The environment variable that names the compiler when the parameter does not. */
    static final String ENVIRONMENT = "BPF4J_CLANG";

    /** Tried in this order when nothing names a compiler. */
    static final List<String> DEFAULT_NAMES = List.of("clang-19", "clang");

    private static final String INSTALL = "install it with: apt-get install clang-19 (Debian 12),"
            + " dnf install clang (Fedora), or name a clang " + MINIMUM_MAJOR + " or newer with -Dbpf4j.clang=PATH"
            + " (the plugin's <clang>) or " + ENVIRONMENT;

    private static final Pattern VERSION = Pattern.compile("clang version (\\d+)((?:\\.\\d+)*)");

    /**
     * Finds the compiler.
     *
     * @param configured the {@code bpf4j.clang} parameter, or null
     * @param environment the process environment ({@code BPF4J_CLANG}, {@code PATH})
     * @throws ClangException one message saying what is missing or too old and what to install
     */
    static Clang find(String configured, Map<String, String> environment) throws ClangException {
        List<String> names;
        String origin;
        if (configured != null && !configured.isBlank()) {
            names = List.of(configured.strip());
            origin = " (named by bpf4j.clang)";
        } else if (environment.get(ENVIRONMENT) != null && !environment.get(ENVIRONMENT).isBlank()) {
            names = List.of(environment.get(ENVIRONMENT).strip());
            origin = " (named by " + ENVIRONMENT + ")";
        } else {
            names = DEFAULT_NAMES;
            origin = "";
        }
        String path = environment.getOrDefault("PATH", "");
        for (String name : names) {
            Optional<Path> executable = locate(name, path);
            if (executable.isPresent()) {
                return check(executable.get(), origin);
            }
        }
        throw new ClangException("bpf4j: clang is needed to compile BPF C, and " + String.join(" and ", names)
                + origin + (names.size() > 1 ? " are" : " is") + " not "
                + (names.stream().anyMatch(n -> n.contains("/")) ? "an executable file" : "on the PATH")
                + "; " + INSTALL);
    }

    private static Optional<Path> locate(String name, String path) {
        if (name.contains("/")) {
            Path file = Path.of(name);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path file = Path.of(dir, name);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private static Clang check(Path executable, String origin) throws ClangException {
        String output;
        int status;
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ClangException("bpf4j: " + executable + " --version did not finish in 60 s" + origin);
            }
            status = process.exitValue();
        } catch (IOException e) {
            throw new ClangException("bpf4j: cannot run " + executable + origin + ": " + e.getMessage() + "; "
                    + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClangException("bpf4j: interrupted while asking " + executable + " for its version");
        }
        Matcher version = VERSION.matcher(output);
        if (status != 0 || !version.find()) {
            String first = output.lines().findFirst().orElse("").strip();
            throw new ClangException("bpf4j: " + executable + origin + " is not clang (--version said '"
                    + first + "', status " + status + "); " + INSTALL);
        }
        int major = Integer.parseInt(version.group(1));
        String full = version.group(1) + version.group(2);
        if (major < MINIMUM_MAJOR) {
            throw new ClangException("bpf4j: " + executable + origin + " is clang " + full + ", too old to compile"
                    + " CO-RE BPF programs: clang " + MINIMUM_MAJOR + " or newer is needed; " + INSTALL);
        }
        return new Clang(executable, full, major);
    }

    /** The command line that compiles one program; the caller adds {@code -c SOURCE -o OBJECT}. */
    List<String> command(String targetArch, List<Path> includeDirs, List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-g", "-O2", "-target", "bpf",
                "-D__TARGET_ARCH_" + targetArch, "-fno-color-diagnostics"));
        for (Path dir : includeDirs) {
            command.add("-I" + dir);
        }
        command.addAll(extraArgs);
        return command;
    }

    /** No usable clang: the message says which was looked for and what to install. */
    static final class ClangException extends Exception {
        private static final long serialVersionUID = 1L;

        ClangException(String message) {
            super(message);
        }
    }
}
