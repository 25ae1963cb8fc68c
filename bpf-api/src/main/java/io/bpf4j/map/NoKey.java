package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;

/** The key codec of maps without keys (queue, stack, bloom filter): zero bytes, always {@code null}. */
final class NoKey implements Codec<Void> {
    static final NoKey CODEC = new NoKey();

    private NoKey() {}

    @Override
    public int size() {
        return 0;
    }

    @Override
    public Void decode(ByteBuffer buffer, int offset) {
        return null;
    }

    @Override
    public void encode(Void value, ByteBuffer buffer, int offset) {
        // Nothing to write: the map has no key.
    }
}
