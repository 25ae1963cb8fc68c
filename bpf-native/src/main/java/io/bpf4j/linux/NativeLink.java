package io.bpf4j.linux;

import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.spi.LinkHandle;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An attachment of a program; closing it detaches the program exactly once. Operations on the link
 * fd run inside leases of its {@link ResourceGuard}, so a close racing them waits for them, and
 * detaches only once they have ended: the fd number cannot meanwhile go to another object.
 */
final class NativeLink implements LinkHandle {
    /** Lends the fd of a program of the same object by name, for as long as the action runs. */
    interface ProgramFds {
        void use(String programName, String operation, IntConsumer action);
    }

    private final Attachment attachment;
    private final String description;
    private final ProgramFds programFds;
    private final ResourceGuard guard;

    /**
     * @param programFds the fds of programs of the same object, for {@link #update}
     * @param onClose told once when this link is detached, so its object stops tracking it
     */
    NativeLink(Attachment attachment, String description, ProgramFds programFds, Consumer<NativeLink> onClose) {
        this.attachment = attachment;
        this.description = description;
        this.programFds = programFds;
        this.guard = new ResourceGuard("link " + description, () -> {
            attachment.detach();
            onClose.accept(this);
        });
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void pin(String path) {
        String operation = "pinning link " + description + " at " + path;
        guard.acquire(operation);
        int result;
        try {
            result = BpfCommands.pin(linkFd(operation), path);
        } finally {
            guard.release();
        }
        if (result < 0) {
            throw KernelErrors.failure(operation, -result,
                    -result == Errno.EPERM || -result == Errno.EINVAL
                            ? "the path must be in a mounted BPF file system (mount -t bpf bpf /sys/fs/bpf)"
                            : null);
        }
    }

    @Override
    public void update(String programName) {
        String operation = "updating link " + description + " to program '" + programName + "'";
        guard.acquire(operation);
        int[] result = new int[1];
        try {
            int fd = linkFd(operation);
            programFds.use(programName, operation, programFd -> result[0] = BpfCommands.linkUpdate(fd, programFd));
        } finally {
            guard.release();
        }
        if (result[0] < 0) {
            throw KernelErrors.failure(operation, -result[0], null);
        }
    }

    @Override
    public InputStream openIterator() {
        String operation = "reading iterator " + description;
        guard.acquire(operation);
        int fd;
        try {
            fd = LibBpfAttach.bpf_iter_create(linkFd(operation));
        } finally {
            guard.release();
        }
        if (fd < 0) {
            throw KernelErrors.failure(operation, -fd, "is the link an iterator (iter/...)?");
        }
        // The iterator's fd is its own: it holds the link and program in the kernel, not their fds.
        return new IteratorInputStream(fd, description);
    }

    private int linkFd(String operation) {
        int fd = attachment.linkFd();
        if (fd < 0) {
            throw new UnsupportedFeatureException(operation, 0,
                    "this attachment is not a BPF link (tc filters, socket filters and netlink XDP are not)");
        }
        return fd;
    }

    /** Detaches once the operations in flight (system calls only) have ended; idempotent. */
    @Override
    public void close() {
        guard.close();
        guard.awaitReleased();
    }

    @Override
    public String toString() {
        return description;
    }
}
