package com.example.gen;

import io.bpf4j.Kernel;
import io.bpf4j.ringbuf.RingBufferReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Uses the skeleton bpf4j:generate wrote: no @BpfSkeleton anywhere. */
public final class Samples implements AutoCloseable {
    private final CounterSkel skel;
    private final RingBufferReader<CounterSkel.CounterSample> reader;

    private Samples(CounterSkel skel) {
        this.skel = skel;
        this.reader = skel.maps().samples().reader();
    }

    /** Loads the object. */
    public static Samples open(Kernel kernel) {
        try (CounterSkel.Open open = CounterSkel.open(kernel)) {
            return new Samples(open.load());
        }
    }

    /** The samples that arrive within {@code timeout}. */
    public List<CounterSkel.CounterSample> poll(Duration timeout) {
        List<CounterSkel.CounterSample> samples = new ArrayList<>();
        reader.poll(timeout, samples::add);
        return samples;
    }

    /** The program's call counter, from .bss. */
    public long calls() {
        return skel.bss().calls();
    }

    @Override
    public void close() {
        skel.close();
    }
}
