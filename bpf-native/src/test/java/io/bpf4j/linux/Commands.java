package io.bpf4j.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the system tools tests set the scene with (ip, mount, gcc, bash). */
final class Commands {
    private Commands() {}

    /** The command's output (stdout and stderr); throws when it exits non-zero. */
    static String run(String... command) {
        Result result = tryRun(command);
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode + ": "
                    + result.output);
        }
        return result.output;
    }

    /** The command's exit code and output. */
    static Result tryRun(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
