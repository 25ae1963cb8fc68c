package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code bpf(2)} commands for links, pins, test runs, program info and statistics, issued
 * directly: libbpf 1.1 has no helper for some (tcx links) and its option structs would only add a
 * layer. Each builds its {@code union bpf_attr} in fresh zeroed memory (these are not hot paths).
 *
 * <p>Methods return the kernel's non-negative result, or {@code -errno}.
 */
final class BpfCommands {
    static final int BPF_PROG_LOAD = 5;
    static final int BPF_OBJ_PIN = 6;
    static final int BPF_PROG_TEST_RUN = 10;
    static final int BPF_OBJ_GET_INFO_BY_FD = 15;
    static final int BPF_RAW_TRACEPOINT_OPEN = 17;
    static final int BPF_LINK_CREATE = 28;
    static final int BPF_LINK_UPDATE = 29;
    static final int BPF_ENABLE_STATS = 32;

    /** The largest {@code union bpf_attr} part used here, rounded up; the kernel wants the rest zero. */
    private static final int ATTR_SIZE = 128;

    private BpfCommands() {}

    /** {@code BPF_LINK_CREATE}: a link of {@code programFd} to a target (an ifindex, cgroup fd, ...). */
    static int linkCreate(int programFd, int targetFd, int attachType, int flags) {
        try (Memory attr = attr()) {
            attr.setInt(0, programFd);
            attr.setInt(4, targetFd);
            attr.setInt(8, attachType);
            attr.setInt(12, flags);
            return call(BPF_LINK_CREATE, attr);
        }
    }

    /** {@code BPF_LINK_UPDATE}: replaces the program of a link. */
    static int linkUpdate(int linkFd, int newProgramFd) {
        try (Memory attr = attr()) {
            attr.setInt(0, linkFd);
            attr.setInt(4, newProgramFd);
            return call(BPF_LINK_UPDATE, attr);
        }
    }

    /** {@code BPF_OBJ_PIN}: pins a program, map or link fd at a bpffs path. */
    static int pin(int fd, String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        try (Memory attr = attr(); Memory pathname = new Memory(bytes.length + 1L)) {
            pathname.write(0, bytes, 0, bytes.length);
            pathname.setByte(bytes.length, (byte) 0);
            attr.setLong(0, Pointer.nativeValue(pathname));
            attr.setInt(8, fd);
            return call(BPF_OBJ_PIN, attr);
        }
    }

    /** {@code BPF_OBJ_GET_INFO_BY_FD} into {@code info}, whose size says how much the caller knows. */
    static int objectInfo(int fd, Memory info) {
        try (Memory attr = attr()) {
            attr.setInt(0, fd);
            attr.setInt(4, (int) info.size());
            attr.setLong(8, Pointer.nativeValue(info));
            return call(BPF_OBJ_GET_INFO_BY_FD, attr);
        }
    }

    /** {@code BPF_ENABLE_STATS}: an fd that keeps statistics of {@code type} enabled while open. */
    static int enableStats(int type) {
        try (Memory attr = attr()) {
            attr.setInt(0, type);
            return call(BPF_ENABLE_STATS, attr);
        }
    }

    /** {@code BPF_RAW_TRACEPOINT_OPEN} without a name: attaches a BTF-typed tracing program. */
    static int rawTracepointOpen(int programFd) {
        try (Memory attr = attr()) {
            attr.setInt(8, programFd);
            return call(BPF_RAW_TRACEPOINT_OPEN, attr);
        }
    }

    /** A zeroed {@code union bpf_attr}. */
    static Memory attr() {
        Memory attr = new Memory(ATTR_SIZE);
        attr.clear();
        return attr;
    }

    /** Issues {@code command} with {@code attr}; the result or {@code -errno}. */
    static int call(int command, Memory attr) {
        long result = LibC.syscall(LibC.SYS_BPF, command, Pointer.nativeValue(attr), attr.size());
        return result < 0 ? -Native.getLastError() : (int) result;
    }
}
