package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any user picks the command name of the processes they run and the names of the files they open;
 * root reads the tools' output. A real process named {@code x\n ESC[31m \xff y} (a copy of a binary
 * under that name: the kernel takes the comm from it) opening {@code f\n ESC[31m \xfe.txt} must come
 * out as one escaped row: no forged line, no escape sequence reaching the terminal, the invalid
 * UTF-8 bytes as {@code \xNN}.
 */
@RequiresKernel
class HostileNamesTest {
    /** printf(1) text of the hostile command name and file name. */
    private static final String COMM = "x\\n\\033[31m\\377y";
    private static final String FILE = "f\\n\\033[31m\\376.txt";
    /** How the tools must show them. */
    private static final String COMM_SHOWN = "x\\x0a\\x1b[31m\\xffy";
    private static final String FILE_SHOWN = "f\\x0a\\x1b[31m\\xfe.txt";

    @TempDir
    Path dir;

    /**
     * Copies {@code binary} to the hostile name in {@link #dir} and runs it with {@code args}, where
     * {@code $F} is the hostile file's path; returns its pid.
     */
    private long runHostile(String binary, String args) throws IOException, InterruptedException {
        String script = "d=$1; n=$(printf '" + COMM + "'); F=\"$d/$(printf '" + FILE + "')\"; "
                + "cp " + binary + " \"$d/$n\" && exec \"$d/$n\" " + args;
        Process process = new ProcessBuilder("sh", "-c", script, "sh", dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the hostile process").isZero();
        return process.pid();
    }

    /** Runs {@code tool} in this JVM for {@code seconds}, starting hostile processes until {@code seen} holds. */
    private String runTool(String tool, int seconds, HostileRun hostile) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute(tool, "-d", Integer.toString(seconds)));
        while (!exit.isDone() && !hostile.seenIn(out.toString())) {
            hostile.start();
            Thread.sleep(100);
        }
        assertThat(exit.get()).as("exit status; stderr: %s", err).isZero();
        return out.toString();
    }

    /** Starts the hostile process and recognises its row. */
    private interface HostileRun {
        void start() throws IOException, InterruptedException;

        boolean seenIn(String output);
    }

    @Test
    void opensnoopShowsAHostileCommAndFileNameAsOneEscapedRow() throws Exception {
        long[] pid = new long[1];
        Pattern row = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d (\\d+)\\s+" + Pattern.quote(COMM_SHOWN) + " "
                + Pattern.quote(dir + "/" + FILE_SHOWN) + "$");
        String output = runTool("opensnoop", 4, new HostileRun() {
            @Override
            public void start() throws IOException, InterruptedException {
                pid[0] = runHostile("/usr/bin/touch", "\"$F\""); // touch opens (creates) the file
            }

            @Override
            public boolean seenIn(String output) {
                return row.matcher(output).find();
            }
        });

        var match = row.matcher(output);
        assertThat(match.find()).as("an escaped row for the hostile open in:%n%s", output).isTrue();
        assertThat(output).doesNotContain("\u001b", "\ufffd");
        assertThat(output.lines().skip(1)).as("every line is a row: none forged")
                .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d \\d+ +.*"));
    }

    @Test
    void minimalShowsAHostileCommEscaped() throws Exception {
        // The comm starts the trace_pipe line; the kernel prints it raw, so its newline splits the
        // line there: the tail that parses is printed, escaped.
        Pattern line = Pattern.compile(
                "(?m)^\\\\x1b\\[31m\\S*y-(\\d+) .*bpf_trace_printk: BPF triggered from PID (\\d+)\\.$");
        String output = runTool("minimal", 4, new HostileRun() {
            @Override
            public void start() throws IOException, InterruptedException {
                runHostile("/bin/echo", "hello"); // one write(2) under the hostile comm
            }

            @Override
            public boolean seenIn(String output) {
                return line.matcher(output).find();
            }
        });

        var match = line.matcher(output);
        assertThat(match.find()).as("an escaped line for the hostile write in:%n%s", output).isTrue();
        assertThat(match.group(1)).isEqualTo(match.group(2));
        assertThat(output).doesNotContain("\u001b");
        assertThat(output.lines()).as("every line is a trace line").allMatch(l -> l.contains(": bpf_trace_printk: "));
    }
}
