package io.bpf4j.examples.opencount;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.codec.Codecs;
import io.bpf4j.examples.FakeRun;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.fake.FakeLoadedObject;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** opencount on the FakeKernel: the test writes the counts the program would, then stops the tool. */
@WithFakeKernel
class OpencountFakeTest {
    private static OpencountCommand command(String... args) {
        OpencountCommand command = new OpencountCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static boolean attached(FakeKernel kernel) {
        return kernel.isAttached("count_openat", ProgramKind.TRACEPOINT, "syscalls/sys_enter_openat");
    }

    @Test
    void printsTheCountsItReadsByNameMostFirst(FakeKernel kernel) throws Exception {
        OpencountCommand command = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> command.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> attached(kernel), "the attach");
            FakeLoadedObject object = kernel.object("opencount");
            BpfHashMap<Long, Long> counts = new BpfHashMap<>(object.map("counts"), Codecs.UINT32, Codecs.UINT64);
            counts.put(10L, 3L);
            counts.put(4_000_000_000L, 12L);
            counts.put(7L, 3L);

            run.stop();

            assertThat(run.output().lines()).containsExactly("PID     COUNT", "4000000000 12", "7       3",
                    "10      3");
            assertThat(kernel.openResources()).as("the object and its link are closed").isEmpty();
        }
    }

    @Test
    void thePidOptionIsSetByNameInRodata(FakeKernel kernel) throws Exception {
        OpencountCommand all = command();
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> all.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> attached(kernel), "the attach");
            assertThat(kernel.object("opencount").data(".rodata").getInt(0)).isZero();
        }
        OpencountCommand one = command("-p", "4242");
        try (FakeRun run = FakeRun.start((out, stop, deadline) -> one.run(kernel, out, stop, deadline))) {
            run.awaitThat(() -> attached(kernel), "the attach");
            assertThat(kernel.object("opencount").data(".rodata").getInt(0)).isEqualTo(4242);
        }
    }
}
