package io.bpf4j.test.fake;

import io.bpf4j.map.BatchResult;
import io.bpf4j.spec.MapType;
import io.bpf4j.spi.OwnedMapHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A map opened by id ({@link FakeBackend#openMapById}): a second handle on a {@link FakeMap} that
 * its caller closes. Operations after {@link #close()} throw {@link IllegalStateException}.
 */
final class FakeOwnedMap implements OwnedMapHandle {
    private final FakeMap map;
    private final Consumer<FakeOwnedMap> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeOwnedMap(FakeMap map, Consumer<FakeOwnedMap> onClose) {
        this.map = map;
        this.onClose = onClose;
    }

    private FakeMap open() {
        if (closed.get()) {
            throw new IllegalStateException("the handle of map '" + map.name() + "' (id " + map.id() + ") is closed");
        }
        return map;
    }

    @Override
    public String name() {
        return map.name();
    }

    @Override
    public MapType type() {
        return map.type();
    }

    @Override
    public int keySize() {
        return map.keySize();
    }

    @Override
    public int valueSize() {
        return map.valueSize();
    }

    @Override
    public long maxEntries() {
        return map.maxEntries();
    }

    @Override
    public int valueBufferSize() {
        return map.valueBufferSize();
    }

    @Override
    public int fd() {
        return open().fd();
    }

    @Override
    public int id() {
        return map.id();
    }

    @Override
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        return open().lookup(key, value);
    }

    @Override
    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        open().update(key, value, flags);
    }

    @Override
    public boolean delete(ByteBuffer key) {
        return open().delete(key);
    }

    @Override
    public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
        return open().nextKey(key, nextKey);
    }

    @Override
    public boolean lookupAndDelete(ByteBuffer key, ByteBuffer value) {
        return open().lookupAndDelete(key, value);
    }

    @Override
    public BatchResult lookupBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys, ByteBuffer values,
            int count) {
        return open().lookupBatch(inCursor, outCursor, keys, values, count);
    }

    @Override
    public BatchResult lookupAndDeleteBatch(ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count) {
        return open().lookupAndDeleteBatch(inCursor, outCursor, keys, values, count);
    }

    @Override
    public BatchResult updateBatch(ByteBuffer keys, ByteBuffer values, int count, long flags) {
        return open().updateBatch(keys, values, count, flags);
    }

    @Override
    public BatchResult deleteBatch(ByteBuffer keys, int count) {
        return open().deleteBatch(keys, count);
    }

    @Override
    public void freeze() {
        open().freeze();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "handle of map '" + map.name() + "' (id " + map.id() + ")";
    }
}
