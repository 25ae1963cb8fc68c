package io.bpf4j.linux;

/**
 * An XDP program set on an interface through netlink ({@code bpf_xdp_attach}), replacing whatever
 * ran there. Not a link: it outlives a process that dies, so only {@link #detach()} removes it.
 */
final class XdpNetlinkAttachment implements Attachment {
    private final int ifindex;
    private final int flags;

    XdpNetlinkAttachment(int ifindex, int flags) {
        this.ifindex = ifindex;
        this.flags = flags;
    }

    @Override
    public int linkFd() {
        return -1;
    }

    @Override
    public void detach() {
        // Fails only when the interface is gone, and its program with it.
        LibBpfAttach.bpf_xdp_detach(ifindex, flags, null);
    }
}
