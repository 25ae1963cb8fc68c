package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * Loads the smallest valid programs ({@code r0 = ret; exit}, optionally after one helper call) of a
 * given type, to find out by trying what the kernel accepts. Callers close returned fds.
 */
final class ProbePrograms {
    static final int BPF_TRACE_RAW_TP = 23;
    static final int BPF_TRACE_FENTRY = 24;
    static final int BPF_LSM_MAC = 27;

    private static final int INSN_SIZE = 8;
    private static final byte MOV64_IMM = (byte) 0xb7;
    private static final byte CALL = (byte) 0x85;
    private static final byte EXIT = (byte) 0x95;
    private static final int LOG_SIZE = 64 * 1024;

    private ProbePrograms() {}

    /**
     * Loads a program; its fd, or {@code -errno}.
     *
     * @param attachBtfId the kernel BTF id of the attach target (tracing and LSM programs), or 0
     */
    static int load(int programType, int expectedAttachType, int attachBtfId, int returnValue) {
        try (Memory insns = new Memory(2 * INSN_SIZE)) {
            insns.clear();
            putReturn(insns, 0, returnValue);
            return load(programType, expectedAttachType, attachBtfId, insns, null);
        }
    }

    /**
     * Whether the verifier lets a program of the type call the helper: false only when it says so
     * ("unknown func", "invalid func", "cannot use helper"); a load that fails for other reasons
     * (arguments the probe does not set up) still proves the helper is allowed.
     */
    static boolean mayCall(int programType, int expectedAttachType, int attachBtfId, int helperId) {
        try (Memory insns = new Memory(3 * INSN_SIZE); Memory log = new Memory(LOG_SIZE)) {
            insns.clear();
            log.setByte(0, (byte) 0);
            insns.setByte(0, CALL);
            insns.setInt(4, helperId);
            putReturn(insns, INSN_SIZE, 0);
            int fd = load(programType, expectedAttachType, attachBtfId, insns, log);
            if (fd >= 0) {
                LibC.close(fd);
                return true;
            }
            String text = log.getString(0, StandardCharsets.UTF_8.name());
            return !(text.contains("unknown func") || text.contains("invalid func") || text.contains("cannot use helper"));
        }
    }

    private static void putReturn(Memory insns, int offset, int returnValue) {
        insns.setByte(offset, MOV64_IMM);
        insns.setInt(offset + 4, returnValue);
        insns.setByte(offset + INSN_SIZE, EXIT);
    }

    private static int load(int programType, int expectedAttachType, int attachBtfId, Memory insns, Memory log) {
        try (Memory license = AttachOptions.cString("GPL"); Memory attr = BpfCommands.attr()) {
            attr.setInt(0, programType);
            attr.setInt(4, (int) (insns.size() / INSN_SIZE));
            attr.setLong(8, Pointer.nativeValue(insns));
            attr.setLong(16, Pointer.nativeValue(license));
            if (log != null) {
                attr.setInt(24, 1);
                attr.setInt(28, (int) log.size());
                attr.setLong(32, Pointer.nativeValue(log));
            }
            attr.setInt(68, expectedAttachType);
            attr.setInt(108, attachBtfId);
            return BpfCommands.call(BpfCommands.BPF_PROG_LOAD, attr);
        }
    }
}
