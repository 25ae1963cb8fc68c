package io.bpf4j.linux;

import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.spi.LinkHandle;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** An attachment of a program; closing it detaches the program exactly once. */
final class NativeLink implements LinkHandle {
    private final Attachment attachment;
    private final String description;
    private final ToIntFunction<String> programFds;
    private final Consumer<NativeLink> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param programFds the fd of a program of the same object by name, for {@link #update}
     * @param onClose told once when this link is closed, so its object stops tracking it
     */
    NativeLink(Attachment attachment, String description, ToIntFunction<String> programFds,
            Consumer<NativeLink> onClose) {
        this.attachment = attachment;
        this.description = description;
        this.programFds = programFds;
        this.onClose = onClose;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void pin(String path) {
        String operation = "pinning link " + description + " at " + path;
        int result = BpfCommands.pin(linkFd(operation), path);
        if (result < 0) {
            throw KernelErrors.failure(operation, -result,
                    -result == Errno.EPERM || -result == Errno.EINVAL
                            ? "the path must be in a mounted BPF file system (mount -t bpf bpf /sys/fs/bpf)"
                            : null);
        }
    }

    @Override
    public synchronized void update(String programName) {
        String operation = "updating link " + description + " to program '" + programName + "'";
        int fd = linkFd(operation);
        int result = BpfCommands.linkUpdate(fd, programFds.applyAsInt(programName));
        if (result < 0) {
            throw KernelErrors.failure(operation, -result, null);
        }
    }

    @Override
    public synchronized InputStream openIterator() {
        String operation = "reading iterator " + description;
        int fd = LibBpfAttach.bpf_iter_create(linkFd(operation));
        if (fd < 0) {
            throw KernelErrors.failure(operation, -fd, "is the link an iterator (iter/...)?");
        }
        return new IteratorInputStream(fd, description);
    }

    private int linkFd(String operation) {
        if (closed.get()) {
            throw new IllegalStateException("link " + description + " is closed");
        }
        int fd = attachment.linkFd();
        if (fd < 0) {
            throw new UnsupportedFeatureException(operation, 0,
                    "this attachment is not a BPF link (tc filters, socket filters and netlink XDP are not)");
        }
        return fd;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            attachment.detach();
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
