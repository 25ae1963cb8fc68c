package io.bpf4j.linux;

/**
 * What keeps a program attached, as a {@link NativeLink} releases it: a libbpf link, a kernel link
 * fd, or an attachment that is not a link at all (a tc filter, a socket filter, an XDP program set
 * through netlink).
 */
interface Attachment {
    /** The kernel link's fd, which can be pinned and updated; -1 when the attachment is not a BPF link. */
    int linkFd();

    /** Removes the attachment. Called exactly once. */
    void detach();
}
