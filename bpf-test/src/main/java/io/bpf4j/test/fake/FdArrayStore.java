package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.Optional;

/**
 * Arrays of references (program arrays, arrays of maps): slots start empty, are set only with
 * BPF_ANY and can be cleared. Values are ids here; {@link FakeMap} turns the fds user space
 * passes into ids, as the kernel does.
 */
final class FdArrayStore implements ElementStore {
    private final Bytes[] slots;

    FdArrayStore(int maxEntries) {
        slots = new Bytes[maxEntries];
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        long index = ArrayStore.index(key);
        return index < slots.length ? Optional.ofNullable(slots[(int) index]) : Optional.empty();
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        if (flags != ANY) {
            throw new ElementError(Errno.EINVAL, "arrays of programs or maps take only BPF_ANY");
        }
        slots[checkedIndex(key)] = value;
    }

    @Override
    public void delete(Bytes key) {
        int index = checkedIndex(key);
        if (slots[index] == null) {
            throw new ElementError(Errno.ENOENT, null);
        }
        slots[index] = null;
    }

    private int checkedIndex(Bytes key) {
        long index = ArrayStore.index(key);
        if (index >= slots.length) {
            throw new ElementError(Errno.E2BIG, "index " + index + " is past max_entries " + slots.length);
        }
        return (int) index;
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        return ArrayStore.nextIndex(key, slots.length);
    }

    @Override
    public int count() {
        int n = 0;
        for (Bytes slot : slots) {
            n += slot == null ? 0 : 1;
        }
        return n;
    }
}
