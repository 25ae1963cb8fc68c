package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.map.BpfStackTraceMap;
import io.bpf4j.map.StackTrace;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.tools.symbols.KernelSymbols;
import io.bpf4j.tools.symbols.StackFormatter;
import io.bpf4j.tools.symbols.UserSymbols;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel and user stacks recorded by stack_traces.bpf.c at this process's getpid(2), read from the
 * stack trace map and symbolized the way BCC's tools print them.
 */
@RequiresKernel
class StackTracesTest {
    private static final long PID = ProcessHandle.current().pid();
    /** Offsets in {@code .data}. */
    private static final int KERNEL_STACK_ID = 0;
    private static final int USER_STACK_ID = 8;

    @Test
    void kernelAndUserStacksOfASyscallAreRecordedAndSymbolized() {
        try (LoadedObject loaded = load(); LinkHandle link = loaded.attach("record_stacks")) {
            Fixtures.getpid(); // through JNA into libc's syscall(2) wrapper

            long kernelId = loaded.data(".data").getLong(KERNEL_STACK_ID);
            long userId = loaded.data(".data").getLong(USER_STACK_ID);
            assertThat(kernelId).as("kernel stack id").isNotNegative();
            assertThat(userId).as("user stack id").isNotNegative();

            BpfStackTraceMap stacks = new BpfStackTraceMap(ApiObjects.raw(loaded.map("stacks")));
            assertThat(stacks.stackIds()).contains((int) kernelId, (int) userId);
            StackTrace kernelStack = stacks.get((int) kernelId).orElseThrow();
            StackTrace userStack = stacks.get((int) userId).orElseThrow();
            StackFormatter formatter = StackFormatter.standard();
            List<String> kernelFrames = formatter.kernelFrames(kernelStack.frames(), KernelSymbols.load());
            List<String> userFrames = formatter.userFrames(userStack.frames(), UserSymbols.forPid(PID));

            assertThat(kernelFrames).as("kernel stack %s", kernelFrames).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("    "))
                    .anySatisfy(line -> assertThat(line.strip()).containsAnyOf("do_syscall_64", "entry_SYSCALL_64"));
            // The innermost user frame is where the thread entered the kernel: libc's syscall wrapper.
            assertThat(userFrames).as("user stack %s", userFrames).isNotEmpty();
            assertThat(userFrames.get(0).strip()).isEqualTo("syscall");
            assertThat(formatter.withOffsets().userFrames(userStack.frames(), UserSymbols.forPid(PID)).get(0))
                    .startsWith("    syscall+0x").contains("(libc.so");
        }
    }

    private static LoadedObject load() {
        try (OpenObject open = new NativeKernel().openObject("stack_traces", Fixtures.object("stack_traces.bpf.o"))) {
            open.initialData(".rodata").putInt(0, (int) PID);
            return open.load();
        }
    }
}
