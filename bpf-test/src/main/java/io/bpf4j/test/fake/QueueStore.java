package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Queues (FIFO) and stacks (LIFO): no keys. Update pushes (E2BIG when full, unless BPF_EXIST asks
 * to drop the oldest element), lookup peeks, lookup-and-delete pops; delete and next-key do not
 * exist (EINVAL).
 */
final class QueueStore implements ElementStore {
    private final long maxEntries;
    private final boolean lifo;
    private final Deque<Bytes> elements = new ArrayDeque<>();

    QueueStore(long maxEntries, boolean lifo) {
        this.maxEntries = maxEntries;
        this.lifo = lifo;
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        return Optional.ofNullable(lifo ? elements.peekLast() : elements.peekFirst());
    }

    @Override
    public Optional<Bytes> lookupAndDelete(Bytes key) {
        return Optional.ofNullable(lifo ? elements.pollLast() : elements.pollFirst());
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        if (flags != ANY && flags != EXIST) {
            throw new ElementError(Errno.EINVAL, "queues and stacks take BPF_ANY or BPF_EXIST only");
        }
        if (elements.size() >= maxEntries) {
            if (flags != EXIST) {
                throw new ElementError(Errno.E2BIG, "the map is full: max_entries " + maxEntries);
            }
            elements.pollFirst(); // BPF_EXIST: the oldest element makes room
        }
        elements.addLast(value);
    }

    @Override
    public void delete(Bytes key) {
        throw new ElementError(Errno.EINVAL, "queues and stacks have no delete; pop with lookup-and-delete");
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        throw new ElementError(Errno.EINVAL, "queues and stacks have no keys");
    }

    @Override
    public int count() {
        return elements.size();
    }
}
