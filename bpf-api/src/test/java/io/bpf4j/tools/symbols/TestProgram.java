package io.bpf4j.tools.symbols;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small C program built with gcc by the test, linked against a shared library built beside it.
 * When started it prints the addresses of one of its own functions and of the library's function,
 * then waits for its standard input to close, so the test can symbolize a live process.
 */
final class TestProgram implements AutoCloseable {
    private static final String LIBRARY = """
            int lib_function(int x) { return x + 41; }
            """;
    private static final String PROGRAM = """
            #include <stdio.h>
            #include <unistd.h>
            extern int lib_function(int);
            __attribute__((noinline)) int target_function(int x) { return x * 3 + 1; }
            int main(void) {
                char c;
                printf("%lx %lx\\n", (unsigned long) &target_function, (unsigned long) &lib_function);
                fflush(stdout);
                while (read(0, &c, 1) > 0) {}
                return target_function(lib_function(1)) == 0;
            }
            """;

    private final Process process;
    private final long targetFunction;
    private final long libFunction;

    private TestProgram(Process process, long targetFunction, long libFunction) {
        this.process = process;
        this.targetFunction = targetFunction;
        this.libFunction = libFunction;
    }

    /** Builds the library once per directory and the program as {@code name}, PIE or not, and starts it. */
    static TestProgram start(Path dir, String name, boolean pie) throws IOException, InterruptedException {
        Path library = dir.resolve("libsymtest.so");
        if (!Files.exists(library)) {
            Files.writeString(dir.resolve("lib.c"), LIBRARY);
            gcc(dir, "-O1", "-shared", "-fPIC", "lib.c", "-o", library.toString());
        }
        Files.writeString(dir.resolve("main.c"), PROGRAM);
        Path executable = dir.resolve(name);
        gcc(dir, "-O1", pie ? "-fPIE" : "-fno-pie", pie ? "-pie" : "-no-pie", "main.c", "-L" + dir, "-lsymtest",
                "-Wl,-rpath," + dir, "-o", executable.toString());
        Process process = new ProcessBuilder(executable.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException(name + " exited before printing its addresses: " + process.waitFor());
        }
        String[] addresses = line.trim().split(" ");
        return new TestProgram(process, Long.parseUnsignedLong(addresses[0], 16),
                Long.parseUnsignedLong(addresses[1], 16));
    }

    private static void gcc(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(List.of(arguments));
        Process gcc = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    long pid() {
        return process.pid();
    }

    long targetFunction() {
        return targetFunction;
    }

    long libFunction() {
        return libFunction;
    }

    /** Closes the program's input, which ends it, and waits for it. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
