package io.bpf4j.examples.opencount;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.Kernel;
import io.bpf4j.codec.Codecs;
import io.bpf4j.examples.Main;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** opencount on the real kernel: the test's own openat(2) calls are counted under its pid. */
@RequiresKernel
class OpencountKernelTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void theObjectOpenedByNameCountsOurOwnOpens() throws IOException {
        try (OpenBpfObject open = Kernel.system().openResource(OpencountCommand.class, OpencountCommand.OBJECT)) {
            open.rodata().setLong("target_pid", PID);
            try (BpfObject object = open.load()) {
                object.attachAll();
                BpfHashMap<Long, Long> counts = object.hashMap("counts", Codecs.UINT32, Codecs.UINT64);
                for (int i = 0; i < 5; i++) {
                    Files.writeString(dir.resolve("file-" + i), "x"); // an openat(2) each
                }

                assertThat(counts.get(PID)).hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(5));
                assertThat(counts.keys()).as("only our process is counted").containsOnly(PID);
            }
        }
    }

    @Test
    void theToolPrintsOurPidAfterItsDuration() throws Exception {
        StringWriter out = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute("opencount", "-p", Long.toString(PID), "-d", "1"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; System.nanoTime() < end; i++) {
            Files.writeString(dir.resolve("file-" + (i % 10)), "x");
            Thread.sleep(20);
        }

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().lines()).first().isEqualTo("PID     COUNT");
        assertThat(out.toString().lines().skip(1)).singleElement().asString().startsWith(PID + " ");
    }
}
