package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.Optional;

/**
 * Maps with no element operations from user space, such as ring buffers: every operation is
 * ENOTSUPP, as the kernel answers.
 */
final class UnsupportedStore implements ElementStore {
    private final String what;

    UnsupportedStore(String what) {
        this.what = what;
    }

    private ElementError refuse() {
        return new ElementError(Errno.ENOTSUPP, what + " maps have no element operations from user space");
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        throw refuse();
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        throw refuse();
    }

    @Override
    public void delete(Bytes key) {
        throw refuse();
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        throw refuse();
    }

    @Override
    public int count() {
        return 0;
    }
}
