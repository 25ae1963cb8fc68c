package io.bpf4j.test.fake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fake kernel's file descriptors and ids for maps and programs, so that values holding fds
 * (program arrays, maps of maps) resolve as in the kernel: fds in, ids out.
 */
final class FdTable {
    // Small fds are the process's own (stdin, stdout, ...); start well past them.
    private int nextFd = 100;
    private int nextId = 1;
    private final Map<Integer, Object> byFd = new HashMap<>();
    private final Map<Integer, FakeMap> mapsById = new HashMap<>();

    synchronized int newFd(Object resource) {
        int fd = nextFd++;
        byFd.put(fd, resource);
        return fd;
    }

    synchronized int newId() {
        return nextId++;
    }

    synchronized void release(int fd) {
        Object resource = byFd.remove(fd);
        if (resource instanceof FakeMap map) {
            mapsById.remove(map.id());
        }
    }

    /** Makes {@code map} findable by its id, as {@code BPF_MAP_GET_FD_BY_ID} finds kernel maps. */
    synchronized void registerId(FakeMap map) {
        mapsById.put(map.id(), map);
    }

    synchronized Optional<FakeMap> mapById(int id) {
        return Optional.ofNullable(mapsById.get(id));
    }

    synchronized <T> Optional<T> lookup(int fd, Class<T> type) {
        Object resource = byFd.get(fd);
        return type.isInstance(resource) ? Optional.of(type.cast(resource)) : Optional.empty();
    }
}
