package io.bpf4j.linux;

import com.sun.jna.Pointer;

/** A libbpf {@code struct bpf_link}: destroying it detaches the program and frees the struct. */
final class LibbpfLinkAttachment implements Attachment {
    private final Pointer link;

    LibbpfLinkAttachment(Pointer link) {
        this.link = link;
    }

    @Override
    public int linkFd() {
        return LibBpfAttach.bpf_link__fd(link);
    }

    @Override
    public void detach() {
        // The result is a detach error at worst; the struct is freed either way and nothing is left to release.
        LibBpf.bpf_link__destroy(link);
    }
}
