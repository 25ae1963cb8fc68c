package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpf4j.codec.Codecs;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.fake.FakeRingBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No root, no BPF: the FakeKernel loads the same object, and the test plays the program's part. */
@WithFakeKernel
class ExecTracerTest {
    @Test
    void printsEachProgramStartedFromTheRingBuffer(FakeKernel kernel) {
        try (ExecTracer tracer = ExecTracer.start(kernel)) {
            assertTrue(kernel.isAttached("on_exec", ProgramKind.TRACEPOINT, "sched/sched_process_exec"));
            FakeRingBuffer events = kernel.object(HelloSkel.OBJECT_NAME).ring("events");
            events.push(HelloSkel.Event.CODEC, new HelloSkel.Event(42, "bash"));
            events.push(HelloSkel.Event.CODEC, new HelloSkel.Event(43, "evil\u001b[2J"));

            List<String> lines = new ArrayList<>();
            assertEquals(2, tracer.poll(Duration.ofSeconds(1), lines::add));

            assertEquals(List.of("42 bash", "43 evil\\x1b[2J"), lines);
        }
    }

    @Test
    void countsProgramsPerUserFromTheHashMap(FakeKernel kernel) {
        try (ExecTracer tracer = ExecTracer.start(kernel)) {
            BpfHashMap<Long, Long> execs = new BpfHashMap<>(kernel.object(HelloSkel.OBJECT_NAME).map("execs"),
                    Codecs.UINT32, Codecs.UINT64);
            execs.put(0L, 5L);
            execs.put(1000L, 2L);

            assertEquals(Map.of(0L, 5L, 1000L, 2L), tracer.execsByUser());
        }
    }
}
