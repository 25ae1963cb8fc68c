package io.bpf4j.examples.opensnoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.examples.Main;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** opensnoop on the real kernel: the test's own openat(2) comes back through the ring buffer. */
@RequiresKernel
class OpensnoopKernelTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void reportsOurOwnOpenWithPidCommAndPathWithinASecond() throws IOException {
        Path path = dir.resolve("opensnoop-" + UUID.randomUUID());
        String comm = Files.readString(Path.of("/proc/thread-self/comm")).strip();
        try (OpensnoopSkel.Open open = OpensnoopSkel.open()) {
            open.rodata().pidTarget(PID);
            try (OpensnoopSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<OpensnoopSkel.Event> reader = skel.maps().events().reader()) {
                    Files.writeString(path, "x"); // openat(AT_FDCWD, path, O_CREAT|O_WRONLY...)
                    Optional<OpensnoopSkel.Event> event = awaitEventFor(reader, path.toString(), 1000);

                    assertThat(event).as("an event for %s within 1 s", path).isPresent();
                    assertThat(event.get().pid()).isEqualTo(PID);
                    assertThat(event.get().comm()).isEqualTo(comm);
                    assertThat(event.get().filename()).isEqualTo(path.toString());
                }
            }
        }
    }

    @Test
    void thePidFilterDropsOtherProcesses() throws Exception {
        try (OpensnoopSkel.Open open = OpensnoopSkel.open()) {
            open.rodata().pidTarget(PID);
            try (OpensnoopSkel skel = open.load()) {
                skel.attach();
                try (RingBufferReader<OpensnoopSkel.Event> reader = skel.maps().events().reader()) {
                    Path path = dir.resolve("child-" + UUID.randomUUID());
                    Process child = new ProcessBuilder("cat", path.toString()).redirectErrorStream(true).start();
                    child.waitFor();
                    Files.writeString(dir.resolve("marker"), "x");
                    List<OpensnoopSkel.Event> seen = new ArrayList<>();
                    long end = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < end) {
                        reader.poll(java.time.Duration.ofMillis(20), seen::add);
                    }
                    assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(e.pid()).isEqualTo(PID));
                    assertThat(seen).noneMatch(e -> e.filename().equals(path.toString()));
                }
            }
        }
    }

    @Test
    void theToolPrintsARowForAnOpenAndStopsAfterItsDuration() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute("opensnoop", "-p", Long.toString(PID), "-d", "2"));
        Path path = dir.resolve("tool-" + UUID.randomUUID());
        long end = System.nanoTime() + 1_500_000_000L;
        while (!out.toString().contains(path.toString()) && System.nanoTime() < end) {
            Files.writeString(path, "x"); // repeated until the tool has attached and reported it
            Thread.sleep(50);
        }
        assertThat(exit.get()).as("exit status; stderr: %s", err).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).matches("TIME\\s+PID\\s+COMM\\s+FILE");
        assertThat(lines).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\s+" + PID + "\\s+.+\\s+" + path));
    }

    private static Optional<OpensnoopSkel.Event> awaitEventFor(RingBufferReader<OpensnoopSkel.Event> reader,
            String path, long millis) {
        List<OpensnoopSkel.Event> found = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (found.isEmpty() && System.nanoTime() < end) {
            reader.poll(java.time.Duration.ofMillis(50), e -> {
                if (e.filename().equals(path)) {
                    found.add(e);
                }
            });
        }
        return found.stream().findFirst();
    }
}
