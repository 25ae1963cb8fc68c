package io.bpf4j.examples.opensnoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.VerifierException;
import io.bpf4j.examples.FakeRun;
import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** opensnoop's application logic on the FakeKernel: no root, no kernel; the test plays the BPF program. */
@WithFakeKernel
class OpensnoopFakeTest {
    private static final String ROW = "\\d\\d:\\d\\d:\\d\\d 4242    bash             /etc/passwd";

    private static OpensnoopCommand command(String... args) {
        OpensnoopCommand command = new OpensnoopCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static boolean readerOpen(FakeKernel kernel) {
        return kernel.openResources().stream().anyMatch(r -> r.startsWith("reader of ring buffer 'events'"));
    }

    @Test
    void printsAHeaderAndOneRowPerEventFromTheRing(FakeKernel kernel) throws Exception {
        OpensnoopCommand command = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> readerOpen(kernel), "the ring reader");
            assertThat(kernel.isAttached("trace_openat", ProgramKind.TRACEPOINT, "syscalls/sys_enter_openat")).isTrue();

            kernel.object("opensnoop").ring("events").push(OpensnoopSkel.Event.CODEC,
                    new OpensnoopSkel.Event(4242, "bash", "/etc/passwd"));
            run.awaitThat(() -> run.output().lines().count() == 2, "the event's row");
            run.stop();

            assertThat(run.output().lines()).first().isEqualTo(OpenEventFormat.header());
            assertThat(run.output().lines().skip(1)).singleElement().asString().matches(ROW);
        }
    }

    @Test
    void thePidOptionBecomesTheProgramsFilterInRodata(FakeKernel kernel) throws Exception {
        OpensnoopCommand command = command("-p", "4242");
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> readerOpen(kernel), "the ring reader");

            assertThat(kernel.object("opensnoop").data(".rodata").getInt(0)).isEqualTo(4242);
        }
    }

    @Test
    void aPidIsDecimalEvenWithALeadingZero(FakeKernel kernel) throws Exception {
        OpensnoopCommand command = command("-p", "010");
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> readerOpen(kernel), "the ring reader");

            assertThat(kernel.object("opensnoop").data(".rodata").getInt(0)).isEqualTo(10);
        }
    }

    @Test
    void aClosedOutputEndsTheLoop(FakeKernel kernel) throws Exception {
        PrintWriter closed = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });

        // Returns by itself, with no stop and no deadline, and closes what it opened.
        command().run(kernel, closed, StopSignal.manual(), Deadline.NONE);

        assertThat(closed.checkError()).isTrue();
        assertThat(kernel.attachHistory()).hasSize(1);
        assertThat(kernel.openResources()).isEmpty();
    }

    @Test
    void stoppingDetachesAndClosesEverything(FakeKernel kernel) throws Exception {
        OpensnoopCommand command = command();
        FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline));
        run.awaitThat(() -> readerOpen(kernel), "the ring reader");
        assertThat(kernel.openResources()).hasSize(3); // object, link, reader

        run.stop();

        assertThat(kernel.attachments()).isEmpty();
        assertThat(kernel.attachHistory()).hasSize(1);
        assertThat(kernel.openResources()).isEmpty();
    }

    @Test
    void aVerifierRejectionReachesTheCallerAndLeavesNothingOpen(FakeKernel kernel) {
        kernel.rejectProgram("trace_openat", "R1 invalid mem access 'scalar'");
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> command().run(kernel, new PrintWriter(out), StopSignal.manual(), Deadline.NONE))
                .isInstanceOfSatisfying(VerifierException.class,
                        e -> assertThat(e.getMessage()).contains("trace_openat", "invalid mem access"));
        assertThat(out.toString()).isEmpty();
        assertThat(kernel.openResources()).isEmpty();
    }
}
