package io.bpf4j.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.Kernel;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.trace.TracePipe;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** minimal on the real kernel: our own write(2) shows up in trace_pipe. */
@RequiresKernel
class MinimalKernelTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void seesItsOwnWriteInTracePipe() throws IOException {
        Kernel kernel = Kernel.system();
        try (MinimalSkel.Open open = MinimalSkel.open(kernel)) {
            open.rodata().pidFilter(PID);
            try (MinimalSkel skel = open.load(); TracePipe pipe = kernel.openTracePipe()) {
                skel.attach();
                String expected = MinimalCommand.MESSAGE_PREFIX + PID + ".";
                String found = null;
                long end = System.nanoTime() + 2_000_000_000L;
                try (FileOutputStream file = new FileOutputStream(dir.resolve("out").toFile())) {
                    while (found == null && System.nanoTime() < end) {
                        file.write('x'); // write(2) from this process
                        for (String line; found == null && (line = pipe.readLine(Duration.ofMillis(100))) != null; ) {
                            if (MinimalCommand.isOurs(line) && line.endsWith(expected)) {
                                found = line;
                            }
                        }
                    }
                }
                assertThat(found).as("a trace_pipe line ending with '%s'", expected).isNotNull();
                assertThat(skel.bss().hits()).isPositive();
            }
        }
    }
}
