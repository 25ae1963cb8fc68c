package io.bpf4j.linux;

import io.bpf4j.spi.OwnedMapHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A map whose fd this handle owns: opened from a pin or by id. Its shape (type, sizes, name) is
 * asked from the kernel. {@link #close()} closes the fd once, whichever thread calls it and however
 * often; the map itself lives on while anything else (a pin, a program, another fd) refers to it.
 */
final class OwnedNativeMap extends NativeMap implements OwnedMapHandle {
    private final Lease lease;

    private OwnedNativeMap(MapInfo info, Lease lease) {
        super(lease, info.name(), info.typeId(), lease.fd, info.keySize(), info.valueSize(), info.maxEntries(),
                PossibleCpus.count());
        this.lease = lease;
    }

    /**
     * Takes ownership of {@code fd}, a map fd just returned by the kernel; closes it when the map
     * cannot be described.
     *
     * @param origin where the fd came from, for messages (e.g. {@code "pinned map /sys/fs/bpf/x"})
     */
    static OwnedNativeMap adopt(int fd, String origin) {
        MapInfo info;
        try {
            info = MapInfo.of(fd, origin);
        } catch (RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
        return new OwnedNativeMap(info, new Lease(fd, origin));
    }

    @Override
    public void close() {
        lease.close();
    }

    @Override
    public String toString() {
        return super.toString() + " from " + lease.origin + (lease.closed.get() ? " (closed)" : "");
    }

    /** The fd and whether it is closed: the {@link NativeMap.FdOwner} of an owned map. */
    private static final class Lease implements FdOwner {
        final int fd;
        final String origin;
        final AtomicBoolean closed = new AtomicBoolean();

        Lease(int fd, String origin) {
            this.fd = fd;
            this.origin = origin;
        }

        @Override
        public void ensureOpen() {
            if (closed.get()) {
                throw new IllegalStateException(origin + " is closed");
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                LibC.close(fd);
            }
        }
    }
}
