package com.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithFakeKernel
class SamplesTest {
    @Test
    void theObjectIsWhereItsSkeletonLoadsItFrom() {
        assertNotNull(CounterSkel.class.getResource("counter.bpf.o"));
    }

    @Test
    void theRingBufferIsBoundToTheStructNamedInThePom(FakeKernel kernel) {
        try (Samples samples = Samples.open(kernel)) {
            kernel.object(CounterSkel.OBJECT_NAME).ring("samples")
                    .push(CounterSkel.CounterSample.CODEC, new CounterSkel.CounterSample(1, 42));

            assertEquals(List.of(new CounterSkel.CounterSample(1, 42)), samples.poll(Duration.ofSeconds(1)));
        }
    }

    @Test
    void bssIsReadThroughTheSkeleton(FakeKernel kernel) {
        try (Samples samples = Samples.open(kernel)) {
            kernel.object(CounterSkel.OBJECT_NAME).data(".bss").putLong(0, 7);

            assertEquals(7, samples.calls());
        }
    }
}
