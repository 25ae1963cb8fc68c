package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.codec.Codecs;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfArrayOfMaps;
import io.bpf4j.map.BpfCgroupArray;
import io.bpf4j.map.BpfHashOfMaps;
import io.bpf4j.map.BpfPerCpuCounters;
import io.bpf4j.map.BpfProgArray;
import io.bpf4j.map.BpfStackTraceMap;
import io.bpf4j.map.StackTrace;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.test.RequiresKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Maps that only a running program can exercise: the fixture's getpid(2) program reports what it saw. */
@RequiresKernel
class ProgramMapsTest {
    /** x86-64 and arm64 kernels live in the top half of the address space, user space in the bottom. */
    private static final long KERNEL_SPACE_START = 0xffff_0000_0000_0000L;

    private MapsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new MapsFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void perCpuCountersReadAsPlainNumbers() {
        BpfPerCpuCounters counters = new BpfPerCpuCounters(ApiObjects.raw(fixture.map("pcpu_array")));

        try (LinkHandle link = fixture.attachForThisProcess()) {
            MapsFixture.getpid(50);
        }

        assertThat(counters.get(0)).isEqualTo(50);
        assertThat(counters.sum()).isEqualTo(50);
        assertThat(counters.perCpu(0)).hasSize(fixture.kernel.possibleCpus());
        counters.reset(0);
        assertThat(counters.sum()).isZero();
    }

    @Test
    void tailCallsRunTheProgramInTheProgArray() {
        BpfProgArray jump = new BpfProgArray(ApiObjects.raw(fixture.map("jump")));

        try (LinkHandle link = fixture.attachForThisProcess()) {
            MapsFixture.getpid(1);
            assertThat(fixture.tailCalls()).isZero();

            jump.set(0, ApiObjects.program(fixture.loaded, "tail_target", "tp/syscalls/sys_enter_getpid"));
            assertThat(jump.programId(0)).isPresent();
            MapsFixture.getpid(3);
            assertThat(fixture.tailCalls()).isEqualTo(3);

            assertThat(jump.clear(0)).isTrue();
            assertThat(jump.programId(0)).isEmpty();
            MapsFixture.getpid(1);
        }
        assertThat(fixture.tailCalls()).isEqualTo(3);
    }

    @Test
    void programsReachInnerMapsThroughArraysAndHashesOfMaps() {
        new BpfArrayMap<>(ApiObjects.raw(fixture.map("inner_a")), Codecs.INT64).set(0, 111L);
        new BpfArrayMap<>(ApiObjects.raw(fixture.map("inner_b")), Codecs.INT64).set(0, 222L);
        BpfArrayOfMaps outerArray = new BpfArrayOfMaps(ApiObjects.raw(fixture.map("outer_array")));
        BpfHashOfMaps<Integer> outerHash = new BpfHashOfMaps<>(ApiObjects.raw(fixture.map("outer_hash")), Codecs.INT32);

        outerArray.set(0, ApiObjects.raw(fixture.map("inner_a")));
        outerHash.put(7, ApiObjects.raw(fixture.map("inner_b")));
        try (LinkHandle link = fixture.attachForThisProcess()) {
            MapsFixture.getpid(1);
        }

        assertThat(fixture.innerViaArray()).isEqualTo(111);
        assertThat(fixture.innerViaHash()).isEqualTo(222);
        assertThat(outerArray.innerMapId(0)).hasValue(fixture.map("inner_a").id());
        assertThat(outerHash.innerMapId(7)).hasValue(fixture.map("inner_b").id());
        assertThat(outerHash.keys()).containsExactly(7);
    }

    @Test
    void stackTracesOfKernelAndUserSpaceAreReadByTheirIds() {
        BpfStackTraceMap stacks = new BpfStackTraceMap(ApiObjects.raw(fixture.map("stacks")));

        try (LinkHandle link = fixture.attachForThisProcess()) {
            MapsFixture.getpid(1);
        }

        Optional<StackTrace> kernel = stacks.get((int) fixture.kernelStackId());
        Optional<StackTrace> user = stacks.get((int) fixture.userStackId());
        assertThat(fixture.kernelStackId()).isNotNegative();
        assertThat(fixture.userStackId()).isNotNegative();
        assertThat(kernel).hasValueSatisfying(trace -> {
            assertThat(trace.depth()).isBetween(1, StackTrace.MAX_DEPTH);
            for (long ip : trace.frames()) {
                assertThat(Long.compareUnsigned(ip, KERNEL_SPACE_START)).isPositive();
            }
        });
        assertThat(user).hasValueSatisfying(trace -> {
            assertThat(trace.depth()).isBetween(1, StackTrace.MAX_DEPTH);
            for (long ip : trace.frames()) {
                assertThat(ip).isPositive().isLessThan(KERNEL_SPACE_START >>> 1);
            }
        });
        assertThat(stacks.stackIds()).contains((int) fixture.kernelStackId(), (int) fixture.userStackId());
        assertThat(stacks.get(-14)).isEmpty();
    }

    @Test
    void cgroupArraysHoldCgroupsByDirectory() throws Exception {
        Path root = Path.of("/sys/fs/cgroup/unified");
        Path child = Files.createDirectory(root.resolve("bpf4j-maps-" + ProcessHandle.current().pid()));
        try {
            BpfCgroupArray cgroups = new BpfCgroupArray(ApiObjects.raw(fixture.map("cgroups")));
            cgroups.set(0, root);
            cgroups.set(1, child);

            try (LinkHandle link = fixture.attachForThisProcess()) {
                MapsFixture.getpid(1);
            }

            // Every task is under the root cgroup; this process is not in the new, empty child.
            assertThat(fixture.underCgroup(0)).isEqualTo(1);
            assertThat(fixture.underCgroup(1)).isZero();
            assertThat(cgroups.clear(1)).isTrue();
        } finally {
            Files.delete(child);
        }
    }
}
