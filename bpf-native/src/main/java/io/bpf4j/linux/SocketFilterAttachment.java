package io.bpf4j.linux;

import com.sun.jna.Memory;

/** A socket filter set with {@code SO_ATTACH_BPF}; detached with {@code SO_DETACH_BPF}. */
final class SocketFilterAttachment implements Attachment {
    static final int SOL_SOCKET = 1;
    static final int SO_DETACH_BPF = 27;
    static final int SO_ATTACH_BPF = 50;

    private final int socketFd;

    SocketFilterAttachment(int socketFd) {
        this.socketFd = socketFd;
    }

    @Override
    public int linkFd() {
        return -1;
    }

    @Override
    public void detach() {
        // Fails only when the socket was closed first, which removed the filter with it.
        try (Memory unused = new Memory(4)) {
            unused.setInt(0, 0);
            LibC.setsockopt(socketFd, SOL_SOCKET, SO_DETACH_BPF, unused, 4);
        }
    }
}
