package io.bpf4j.examples.testingguide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.examples.opensnoop.OpensnoopSkel;
import io.bpf4j.examples.opensnoop.OpensnoopSkel.Event;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.fake.FakeRingBuffer;
import io.bpf4j.test.fake.FaultPoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The testing guide's example (docs/testing.md): unit tests of {@link OpenCounter} on the
 * FakeKernel. They need no root and no BPF; the test plays the BPF program's part by pushing the
 * records it would write. @WithFakeKernel gives each test a fresh kernel and fails the test if it
 * leaves an object, link or reader open.
 */
@WithFakeKernel
class OpenCounterTest {
    // [guide: attach]
    @Test
    void attachesTheProgramToTheOpenatTracepoint(FakeKernel kernel) {
        try (OpenCounter counter = OpenCounter.start(kernel, 0)) {
            assertThat(kernel.isAttached("trace_openat", ProgramKind.TRACEPOINT, "syscalls/sys_enter_openat"))
                    .isTrue();
            assertThat(counter.opensByCommand()).isEmpty();
        }
        assertThat(kernel.attachments()).as("closing detaches").isEmpty();
    }
    // [guide: attach]

    // [guide: events]
    @Test
    void countsOpensPerCommandFromTheRingBuffer(FakeKernel kernel) {
        try (OpenCounter counter = OpenCounter.start(kernel, 0)) {
            FakeRingBuffer events = kernel.object(OpensnoopSkel.OBJECT_NAME).ring("events");
            events.push(Event.CODEC, new Event(10, "bash", "/etc/passwd"));
            events.push(Event.CODEC, new Event(11, "cat", "/etc/hosts"));
            events.push(Event.CODEC, new Event(10, "bash", "/etc/group"));

            assertThat(counter.poll(Duration.ofSeconds(1))).isEqualTo(3);

            assertThat(counter.opensByCommand()).isEqualTo(Map.of("bash", 2, "cat", 1));
        }
    }
    // [guide: events]

    // [guide: rodata]
    @Test
    void passesThePidFilterToTheProgram(FakeKernel kernel) {
        try (OpenCounter counter = OpenCounter.start(kernel, 4242)) {
            // The program's own filtering runs only in a kernel; the test checks what it was given.
            assertThat(kernel.object(OpensnoopSkel.OBJECT_NAME).data(".rodata").getInt(0)).isEqualTo(4242);
            assertThat(counter.poll(Duration.ZERO)).isZero();
        }
    }
    // [guide: rodata]

    // [guide: failures]
    @Test
    void aFailureWhileStartingLeavesNothingBehind(FakeKernel kernel) {
        kernel.faults().failNth(FaultPoint.RING_BUFFER_MAP, "events", 1, Errno.ENOMEM);

        assertThatThrownBy(() -> OpenCounter.start(kernel, 0))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
        assertThat(kernel.openResources()).isEmpty();
    }

    @Test
    void aFullRingDropsRecordsAsTheKernelWould(FakeKernel kernel) {
        try (OpenCounter counter = OpenCounter.start(kernel, 0)) {
            FakeRingBuffer events = kernel.object(OpensnoopSkel.OBJECT_NAME).ring("events");
            Event event = new Event(10, "bash", "/tmp/x");
            int pushed = 0;
            while (events.push(Event.CODEC, event)) {
                pushed++;
            }

            assertThat(counter.poll(Duration.ZERO)).isEqualTo(pushed);
            assertThat(events.dropped()).isEqualTo(1);
        }
    }
    // [guide: failures]
}
