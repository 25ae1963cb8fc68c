package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;

/** Attaches cgroup programs to a cgroup v2 directory through a link (ended by close or process death). */
final class CgroupAttacher {
    private static final int O_DIRECTORY = 0x10000;

    private CgroupAttacher() {}

    static Attachment attach(NativeProgram program, AttachTarget.Cgroup cgroup, String operation) {
        int cgroupFd = LibC.open(cgroup.cgroupPath(), LibC.O_RDONLY | O_DIRECTORY | LibC.O_CLOEXEC);
        if (cgroupFd < 0) {
            int errno = Native.getLastError();
            throw new BpfException(operation, errno, "cgroupPath '" + cgroup.cgroupPath() + "' is not a cgroup directory");
        }
        // The link holds the cgroup; the directory fd is only needed to name it.
        try {
            if (cgroup.attachType() == null) {
                return TracingAttacher.linked(LibBpfAttach.bpf_program__attach_cgroup(program.pointer(), cgroupFd),
                        operation, errno -> null);
            }
            int fd = BpfCommands.linkCreate(program.kernelFd(), cgroupFd, attachType(cgroup.attachType(), operation),
                    0);
            if (fd < 0) {
                throw AttachFailures.explain(operation, -fd, -fd == Errno.EINVAL
                        ? "attach type '" + cgroup.attachType() + "' does not fit the program's type" : null);
            }
            return new KernelLinkAttachment(fd);
        } finally {
            LibC.close(cgroupFd);
        }
    }

    /** libbpf's attach type for a section name such as {@code "cgroup_skb/egress"}. */
    private static int attachType(String sectionName, String operation) {
        try (Memory type = new Memory(4)) {
            int result = LibBpfAttach.libbpf_attach_type_by_name(sectionName, type);
            if (result < 0) {
                throw new BpfException(operation, -result, "attachType '" + sectionName
                        + "' is no attachable section name (e.g. cgroup_skb/egress, cgroup/sock_create)");
            }
            return type.getInt(0);
        }
    }
}
