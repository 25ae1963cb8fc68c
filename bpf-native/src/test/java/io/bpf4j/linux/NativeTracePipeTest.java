package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.trace.TracePipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@RequiresKernel
class NativeTracePipeTest {
    private final NativeKernel kernel = new NativeKernel();

    @Test
    void seesBpfPrintkLines() {
        long marker = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            open.initialData(".rodata").putInt(0, (int) ProcessHandle.current().pid()).putLong(8, marker);
            try (LoadedObject loaded = open.load(); TracePipe pipe = kernel.openTracePipe()) {
                loaded.attach("count_getpid"); // closed with the object
                String expected = "bpf4j-native-fixture " + marker;
                String seen = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (seen == null && System.nanoTime() < deadline) {
                    Fixtures.getpid();
                    for (String line = pipe.readLine(Duration.ofMillis(200)); line != null;
                            line = pipe.readLine(Duration.ofMillis(50))) {
                        if (line.contains(expected)) {
                            seen = line;
                            break;
                        }
                    }
                }

                assertThat(seen).contains(expected).doesNotContain("\n");
            }
        }
    }

    @Test
    void readLineTimesOutAndCloseWakesAReader() throws Exception {
        TracePipe pipe = kernel.openTracePipe();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            String line;
            do {
                line = pipe.readLine(Duration.ofSeconds(30));
            } while (line != null); // other lines may pass by; only close() ends this
            return "returned";
        });
        Thread.sleep(200);

        pipe.close();
        pipe.close();

        assertThat(reader.get(2, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(pipe.readLine(Duration.ofMillis(10))).isNull();
    }
}
