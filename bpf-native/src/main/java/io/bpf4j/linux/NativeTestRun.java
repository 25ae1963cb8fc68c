package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.program.TestRunRequest;
import io.bpf4j.program.TestRunResult;

/** {@code BPF_PROG_TEST_RUN}: runs a loaded program on given input and reports its verdict and output. */
final class NativeTestRun {
    private NativeTestRun() {}

    static TestRunResult run(NativeProgram program, TestRunRequest request) {
        String operation = "test-running program '" + program.name() + "' (" + program.sectionName() + ")";
        byte[] data = request.data();
        byte[] context = request.context();
        try (Memory attr = BpfCommands.attr();
                Memory dataIn = copy(data);
                Memory dataOut = new Memory(Math.max(1, request.dataOutCapacity()));
                Memory contextIn = copy(context)) {
            attr.setInt(0, program.kernelFd());
            attr.setInt(8, data.length);
            attr.setInt(12, request.dataOutCapacity());
            attr.setLong(16, Pointer.nativeValue(dataIn));
            attr.setLong(24, request.dataOutCapacity() == 0 ? 0 : Pointer.nativeValue(dataOut));
            attr.setInt(32, request.repeat());
            attr.setInt(40, context.length);
            attr.setLong(48, context.length == 0 ? 0 : Pointer.nativeValue(contextIn));
            int result = BpfCommands.call(BpfCommands.BPF_PROG_TEST_RUN, attr);
            if (result < 0) {
                throw failure(operation, -result, request);
            }
            int outSize = request.dataOutCapacity() == 0 ? 0 : attr.getInt(12);
            return new TestRunResult(attr.getInt(4), Integer.toUnsignedLong(attr.getInt(36)),
                    dataOut.getByteArray(0, outSize));
        }
    }

    private static Memory copy(byte[] bytes) {
        Memory memory = new Memory(Math.max(1, bytes.length));
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    private static RuntimeException failure(String operation, int errno, TestRunRequest request) {
        if (errno == Errno.ENOTSUPP || errno == Errno.EOPNOTSUPP) {
            return new UnsupportedFeatureException(operation, errno,
                    "BPF_PROG_TEST_RUN of this program type (the kernel runs xdp, tc, socket filter, raw_tp and syscall programs)");
        }
        if (errno == Errno.ENOSPC) {
            return KernelErrors.failure(operation, errno, "dataOutCapacity " + request.dataOutCapacity()
                    + " is smaller than the output packet");
        }
        if (errno == Errno.EINVAL) {
            return KernelErrors.failure(operation, errno, "the kernel refused the input: data of "
                    + request.data().length + " bytes (packets need at least an Ethernet header, 14 bytes), context of "
                    + request.context().length + " bytes");
        }
        return KernelErrors.failure(operation, errno, null);
    }
}
