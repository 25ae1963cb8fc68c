package io.bpf4j.linux;

/** A link made by {@code BPF_LINK_CREATE} directly: closing its fd detaches (unless it is pinned). */
final class KernelLinkAttachment implements Attachment {
    private final int fd;

    KernelLinkAttachment(int fd) {
        this.fd = fd;
    }

    @Override
    public int linkFd() {
        return fd;
    }

    @Override
    public void detach() {
        LibC.close(fd);
    }
}
