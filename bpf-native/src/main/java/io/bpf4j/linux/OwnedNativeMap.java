package io.bpf4j.linux;

import io.bpf4j.spi.OwnedMapHandle;

/**
 * A map whose fd this handle owns: opened from a pin or by id. Its shape (type, sizes, name) is
 * asked from the kernel. {@link #close()} closes the fd once, whichever thread calls it and however
 * often, after the operations in flight have ended; the map itself lives on while anything else
 * (a pin, a program, another fd) refers to it.
 */
final class OwnedNativeMap extends NativeMap implements OwnedMapHandle {
    private final ResourceGuard guard;
    private final String origin;

    private OwnedNativeMap(MapInfo info, ResourceGuard guard, int fd, String origin) {
        super(guard, info.name(), info.typeId(), fd, info.keySize(), info.valueSize(), info.maxEntries(),
                PossibleCpus.count());
        this.guard = guard;
        this.origin = origin;
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
        return new OwnedNativeMap(info, new ResourceGuard(origin, () -> LibC.close(fd)), fd, origin);
    }

    /** Waits for operations in flight (system calls, never user code), then closes the fd. */
    @Override
    public void close() {
        guard.close();
        guard.awaitReleased();
    }

    @Override
    public String toString() {
        return super.toString() + " from " + origin + (guard.isClosed() ? " (closed)" : "");
    }
}
