package io.bpf4j.linux;

import com.sun.jna.Memory;
import io.bpf4j.program.ProgramInfo;

/** Reads a program's {@code struct bpf_prog_info} ({@code BPF_OBJ_GET_INFO_BY_FD}). */
final class NativeProgramInfo {
    /** Up to {@code run_cnt}; the kernel fills what it knows of a struct this long and zeroes nothing else. */
    private static final int INFO_SIZE = 208;
    private static final int ID = 4;
    private static final int TAG = 8;
    private static final int TAG_SIZE = 8;
    private static final int NAME = 64;
    private static final int RUN_TIME_NS = 192;
    private static final int RUN_CNT = 200;

    private NativeProgramInfo() {}

    static ProgramInfo read(NativeProgram program) {
        try (Memory info = new Memory(INFO_SIZE)) {
            info.clear();
            int result = BpfCommands.objectInfo(program.kernelFd(), info);
            if (result < 0) {
                throw KernelErrors.failure("reading the info of program '" + program.name() + "'", -result, null);
            }
            return new ProgramInfo(info.getInt(ID), ProgramInfo.tagOf(info.getByteArray(TAG, TAG_SIZE)),
                    info.getString(NAME), info.getLong(RUN_CNT), info.getLong(RUN_TIME_NS));
        }
    }
}
