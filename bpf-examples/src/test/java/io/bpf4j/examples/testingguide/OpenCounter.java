package io.bpf4j.examples.testingguide;

import io.bpf4j.examples.opensnoop.OpensnoopSkel;
import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RingBufferReader;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application the testing guide (docs/testing.md) tests: it counts file opens per command with
 * opensnoop's BPF program. In a real project this class lives in src/main/java; it takes the
 * {@link Kernel} as a parameter so tests can hand it a FakeKernel.
 */
public final class OpenCounter implements AutoCloseable {
    private final OpensnoopSkel skel;
    private final RingBufferReader<OpensnoopSkel.Event> reader;
    private final Map<String, Integer> opensByCommand = new TreeMap<>();

    private OpenCounter(OpensnoopSkel skel) {
        this.skel = skel;
        this.reader = skel.maps().events().reader();
    }

    /** Loads and attaches the program, tracing only {@code pid} (0 for every process). */
    public static OpenCounter start(Kernel kernel, long pid) {
        try (OpensnoopSkel.Open open = OpensnoopSkel.open(kernel)) {
            open.rodata().pidTarget(pid);
            OpensnoopSkel skel = open.load();
            try {
                skel.attach();
                return new OpenCounter(skel);
            } catch (RuntimeException e) {
                skel.close();
                throw e;
            }
        }
    }

    /** Counts the opens reported so far, waiting up to {@code timeout} for the first. */
    public int poll(Duration timeout) {
        return reader.poll(timeout, event -> opensByCommand.merge(event.comm(), 1, Integer::sum));
    }

    /** Opens per command name, sorted by name. */
    public Map<String, Integer> opensByCommand() {
        return Map.copyOf(opensByCommand);
    }

    /** Detaches the program and releases the reader, the maps and the program. */
    @Override
    public void close() {
        skel.close();
    }
}
