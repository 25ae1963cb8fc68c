package io.bpf4j.program;

import java.util.Objects;

/**
 * What a {@code BPF_PROG_TEST_RUN} returned.
 *
 * @param returnValue the program's return value (for XDP the verdict, e.g. 2 for {@code XDP_PASS})
 * @param durationNanos the average run time the kernel measured
 * @param dataOut the packet as the program left it (empty when no output was asked for); copied
 */
public record TestRunResult(int returnValue, long durationNanos, byte[] dataOut) {
    public TestRunResult {
        dataOut = Objects.requireNonNull(dataOut, "dataOut").clone();
    }

    @Override
    public byte[] dataOut() {
        return dataOut.clone();
    }
}
