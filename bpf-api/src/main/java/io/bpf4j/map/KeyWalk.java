package io.bpf4j.map;

import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a map's keys with {@code BPF_MAP_GET_NEXT_KEY}, robust against concurrent deletes.
 *
 * <p>When the key the walk stands on is deleted meanwhile (by a program or another thread), the
 * kernel cannot find it and answers with the map's <em>first</em> key: the walk starts over. The
 * walk therefore remembers every key it reported and skips them, so no key is reported twice;
 * keys deleted before the walk reached them are missed, keys inserted meanwhile may or may not be
 * seen. A map that keeps changing so fast that the walk starts over more than {@code max_entries}
 * times fails with {@link ConcurrentModificationException} rather than walking forever.
 */
final class KeyWalk {
    private KeyWalk() {}

    /** The raw keys present now, each once, in the kernel's order. */
    static List<ByteBuffer> keys(MapHandle handle) {
        int keySize = handle.keySize();
        List<ByteBuffer> keys = new ArrayList<>();
        Set<ByteBuffer> seen = new HashSet<>();
        ByteBuffer current = null;
        ByteBuffer next = allocate(keySize);
        boolean previousWasNew = true;
        int restarts = 0;
        while (handle.nextKey(current, next)) {
            boolean isNew = seen.add(next);
            if (isNew) {
                keys.add(next);
            } else if (previousWasNew && ++restarts > Math.max(handle.maxEntries(), 1)) {
                // A seen key right after a new one: the walk was sent back to the start.
                throw new ConcurrentModificationException("map '" + handle.name()
                        + "' changed too often while its keys were walked: the walk restarted " + restarts + " times");
            }
            previousWasNew = isNew;
            current = next;
            next = allocate(keySize);
        }
        return keys;
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
