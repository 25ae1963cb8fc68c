package com.example.hello;

import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.text.Printable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The program loaded and attached; takes the kernel as a parameter, so a test can pass a FakeKernel. */
public final class ExecTracer implements AutoCloseable {
    private final HelloSkel skel;
    private final RingBufferReader<HelloSkel.Event> events;

    private ExecTracer(HelloSkel skel) {
        this.skel = skel;
        this.events = skel.maps().events().reader();
    }

    public static ExecTracer start(Kernel kernel) {
        try (HelloSkel.Open open = HelloSkel.open(kernel)) {
            HelloSkel skel = open.load();
            try {
                skel.attach();
                return new ExecTracer(skel);
            } catch (RuntimeException e) {
                skel.close();
                throw e;
            }
        }
    }

    /** Hands one line per program started, {@code PID COMMAND}, to {@code out}; waits up to {@code timeout}. */
    public int poll(Duration timeout, Consumer<String> out) {
        // A command name is whatever the process chose: escape it before it reaches a terminal.
        return events.poll(timeout, e -> out.accept(e.pid() + " " + Printable.escape(e.comm())));
    }

    /** Programs started per user id, from the hash map. */
    public Map<Long, Long> execsByUser() {
        return new TreeMap<>(skel.maps().execs().snapshot());
    }

    @Override
    public void close() {
        skel.close();
    }
}
