package io.bpf4j.linux;

import io.bpf4j.map.BatchResult;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;

/** A {@link MapHandle} passing every call to another, for tests that interpose on some calls. */
class ForwardingMapHandle implements MapHandle {
    private final MapHandle delegate;

    ForwardingMapHandle(MapHandle delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public MapType type() {
        return delegate.type();
    }

    @Override
    public int keySize() {
        return delegate.keySize();
    }

    @Override
    public int valueSize() {
        return delegate.valueSize();
    }

    @Override
    public long maxEntries() {
        return delegate.maxEntries();
    }

    @Override
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        return delegate.lookup(key, value);
    }

    @Override
    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        delegate.update(key, value, flags);
    }

    @Override
    public boolean delete(ByteBuffer key) {
        return delegate.delete(key);
    }

    @Override
    public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        return delegate.nextKey(key, nextKey);
    }

    @Override
    public int valueBufferSize() {
        return delegate.valueBufferSize();
    }

    @Override
    public int batchCursorSize() {
        return delegate.batchCursorSize();
    }

    @Override
    public BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys, ByteBuffer values,
            int count) {
        return delegate.lookupBatch(inCursor, outCursor, keys, values, count);
    }
}
