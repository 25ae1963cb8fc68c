package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.program.AttachTarget;

/** Attaches packet programs: XDP (link or netlink), tc (clsact filter), tcx (link) and socket filters. */
final class NetworkAttacher {
    static final int BPF_XDP = 37;
    static final int BPF_TCX_INGRESS = 46;
    static final int BPF_TCX_EGRESS = 47;
    static final int XDP_FLAGS_SKB_MODE = 1 << 1;
    static final int XDP_FLAGS_DRV_MODE = 1 << 2;
    private static final int ENOTSOCK = 88;

    private NetworkAttacher() {}

    static Attachment attach(NativeProgram program, AttachTarget target, String operation) {
        if (target instanceof AttachTarget.Xdp) {
            return xdp(program.kernelFd(), (AttachTarget.Xdp) target, operation);
        }
        if (target instanceof AttachTarget.Tc) {
            return TcHooks.attach(program.kernelFd(), (AttachTarget.Tc) target, operation);
        }
        if (target instanceof AttachTarget.Tcx) {
            return tcx(program.kernelFd(), (AttachTarget.Tcx) target, operation);
        }
        return socketFilter(program.kernelFd(), ((AttachTarget.SocketFilter) target).socketFd(), operation);
    }

    private static Attachment xdp(int programFd, AttachTarget.Xdp xdp, String operation) {
        int flags = xdpFlags(xdp.mode());
        if (xdp.replace()) {
            int result = LibBpfAttach.bpf_xdp_attach(xdp.ifindex(), programFd, flags, null);
            if (result < 0) {
                throw AttachFailures.explain(operation, -result, xdpMeaning(-result, xdp));
            }
            return new XdpNetlinkAttachment(xdp.ifindex(), flags);
        }
        int fd = BpfCommands.linkCreate(programFd, xdp.ifindex(), BPF_XDP, flags);
        if (fd < 0) {
            throw AttachFailures.explain(operation, -fd, xdpMeaning(-fd, xdp));
        }
        return new KernelLinkAttachment(fd);
    }

    private static int xdpFlags(AttachTarget.XdpMode mode) {
        switch (mode) {
            case GENERIC:
                return XDP_FLAGS_SKB_MODE;
            case DRIVER:
                return XDP_FLAGS_DRV_MODE;
            default:
                return 0;
        }
    }

    private static String xdpMeaning(int errno, AttachTarget.Xdp xdp) {
        if (errno == Errno.EBUSY || errno == Errno.EEXIST) {
            return "interface " + xdp.ifindex() + " already runs an XDP program; attach with replace to take its place";
        }
        if (errno == Errno.EOPNOTSUPP && xdp.mode() == AttachTarget.XdpMode.DRIVER) {
            return "the driver of interface " + xdp.ifindex() + " has no native XDP; use GENERIC";
        }
        return interfaceMeaning(errno, xdp.ifindex());
    }

    private static Attachment tcx(int programFd, AttachTarget.Tcx tcx, String operation) {
        int attachType = tcx.direction() == AttachTarget.Direction.INGRESS ? BPF_TCX_INGRESS : BPF_TCX_EGRESS;
        int fd = BpfCommands.linkCreate(programFd, tcx.ifindex(), attachType, 0);
        if (fd < 0) {
            // Kernels before 6.6 know no tcx attach type and refuse it as an invalid argument.
            if (-fd == Errno.EINVAL && !NativeFeatures.tcxKnown()) {
                throw new UnsupportedFeatureException(operation, -fd, NativeFeatures.NO_TCX);
            }
            throw AttachFailures.explain(operation, -fd, interfaceMeaning(-fd, tcx.ifindex()));
        }
        return new KernelLinkAttachment(fd);
    }

    private static Attachment socketFilter(int programFd, int socketFd, String operation) {
        int result;
        int errno;
        try (Memory value = new Memory(4)) {
            value.setInt(0, programFd);
            result = LibC.setsockopt(socketFd, SocketFilterAttachment.SOL_SOCKET, SocketFilterAttachment.SO_ATTACH_BPF,
                    value, 4);
            errno = Native.getLastError();
        }
        if (result < 0) {
            throw AttachFailures.explain(operation, errno, errno == Errno.EBADF || errno == ENOTSOCK
                    ? "socketFd " + socketFd + " is not an open socket" : null);
        }
        return new SocketFilterAttachment(socketFd);
    }

    /** What ENODEV/EINVAL say about an ifindex: usually that no such interface exists (in this network namespace). */
    static String interfaceMeaning(int errno, int ifindex) {
        if (errno == Errno.ENODEV || errno == Errno.EINVAL) {
            return "ifindex " + ifindex + ": no such network interface in this network namespace";
        }
        return null;
    }
}
