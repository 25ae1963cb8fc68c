package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Bloom filters: no keys; update adds a value, lookup asks whether a value may be present.
 * The fake remembers values exactly, so it never answers a false positive (the kernel may).
 * Delete and next-key are not supported (EOPNOTSUPP), as in the kernel.
 */
final class BloomFilterStore implements ElementStore {
    private final Set<Bytes> values = new HashSet<>();

    /** Whether {@code value} may be present; absent is ENOENT to the caller. */
    boolean mayContain(Bytes value) {
        return values.contains(value);
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        throw new IllegalStateException("bloom filters are queried by value: use mayContain");
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        if (flags != ANY) {
            throw new ElementError(Errno.EINVAL, "bloom filters take BPF_ANY only");
        }
        values.add(value);
    }

    @Override
    public void delete(Bytes key) {
        throw new ElementError(Errno.EOPNOTSUPP, "bloom filters cannot delete");
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        throw new ElementError(Errno.EOPNOTSUPP, "bloom filters have no keys");
    }

    @Override
    public int count() {
        return values.size();
    }
}
