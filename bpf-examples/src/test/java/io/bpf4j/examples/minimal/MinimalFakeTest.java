package io.bpf4j.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.examples.FakeRun;
import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** minimal's application logic on the FakeKernel: the test writes the trace pipe the program would write. */
@WithFakeKernel
class MinimalFakeTest {
    private static MinimalCommand command(String... args) {
        MinimalCommand command = new MinimalCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static boolean running(FakeKernel kernel) {
        return kernel.isAttached("handle_write", ProgramKind.TRACEPOINT, "syscalls/sys_enter_write")
                && kernel.openResources().contains("trace pipe");
    }

    @Test
    void printsItsProgramsLinesAndIgnoresOtherPrograms(FakeKernel kernel) throws Exception {
        MinimalCommand command = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> running(kernel), "the attach and the trace pipe");

            kernel.printk(77, "other", "something another program printed");
            kernel.traceLine("not a trace line at all");
            kernel.printk(42, "cat", MinimalCommand.MESSAGE_PREFIX + "42.");
            run.awaitThat(() -> run.output().contains("PID 42."), "the program's line");
            run.stop();

            assertThat(run.output().lines()).singleElement().asString()
                    .endsWith("bpf_trace_printk: BPF triggered from PID 42.");
        }
    }

    @Test
    void withoutAPidItIgnoresItselfAndWithOneItFiltersOnIt(FakeKernel kernel) throws Exception {
        MinimalCommand all = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> all.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> running(kernel), "the attach");
            var rodata = kernel.object("minimal").data(".rodata");
            assertThat(rodata.getInt(0)).as("pid_filter").isZero();
            assertThat(rodata.getInt(4)).as("pid_ignore").isEqualTo((int) ProcessHandle.current().pid());
        }
        MinimalCommand one = command("-p", "1234");
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> one.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> running(kernel), "the attach");
            var rodata = kernel.object("minimal").data(".rodata");
            assertThat(rodata.getInt(0)).as("pid_filter").isEqualTo(1234);
            assertThat(rodata.getInt(4)).as("pid_ignore").isZero();
        }
    }

    @Test
    void aClosedOutputEndsTheLoopAtTheNextLine(FakeKernel kernel) throws Exception {
        PrintWriter closed = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        CompletableFuture<Void> run = CompletableFuture.runAsync(
                () -> command().run(kernel, closed, StopSignal.manual(), Deadline.NONE));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!running(kernel) && !run.isDone() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(running(kernel)).as("attached, pipe open").isTrue();

        kernel.printk(42, "cat", MinimalCommand.MESSAGE_PREFIX + "42.");

        run.get(10, TimeUnit.SECONDS); // returns by itself: no stop, no deadline
        assertThat(closed.checkError()).isTrue();
        assertThat(kernel.openResources()).isEmpty();
    }

    @Test
    void aLineIsEscapedBeforeItIsPrinted(FakeKernel kernel) throws Exception {
        MinimalCommand command = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> running(kernel), "the attach and the trace pipe");

            kernel.printk(42, "\u001b[31mevil", MinimalCommand.MESSAGE_PREFIX + "42.");
            run.awaitThat(() -> run.output().contains("PID 42."), "the program's line");
            run.stop();

            assertThat(run.output().lines()).singleElement().asString()
                    .contains("\\x1b[31mevil-42").doesNotContain("\u001b");
        }
    }

    @Test
    void stoppingClosesTheLinkTheObjectAndThePipe(FakeKernel kernel) throws Exception {
        MinimalCommand command = command();
        FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline));
        run.awaitThat(() -> running(kernel), "the attach");

        run.stop();

        assertThat(kernel.attachments()).isEmpty();
        assertThat(kernel.openResources()).isEmpty();
    }
}
