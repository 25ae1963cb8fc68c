package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A longest-prefix-match trie ({@code BPF_MAP_TYPE_LPM_TRIE}): lookups find the element with the
 * longest prefix that matches. Keys follow the layout {@link LpmKey} documents.
 *
 * @param <D> the key data's type
 * @param <V> value type
 */
public final class BpfLpmTrie<D, V> extends BpfMap<LpmKey<D>, V> {
    /** Types a raw LPM trie; {@code dataCodec} encodes the key's data (after its 4-byte prefix length). */
    public BpfLpmTrie(RawMap map, Codec<D> dataCodec, Codec<V> valueCodec) {
        super(map, LpmKey.codec(dataCodec), valueCodec);
    }

    /**
     * The value of the longest stored prefix matching {@code data}'s first {@code prefixLength} bits
     * (usually all of them); empty when none matches.
     */
    public Optional<V> longestMatch(D data, int prefixLength) {
        ByteBuffer value = allocate(valueCodec.size());
        if (!raw.lookup(encodeKey(new LpmKey<>(prefixLength, data)), value)) {
            return Optional.empty();
        }
        return Optional.of(valueCodec.decode(value, 0));
    }

    /** Stores {@code value} for the prefix. */
    public void put(LpmKey<D> prefix, V value) {
        raw.update(encodeKey(prefix), encodeValue(value), UpdateFlag.ANY.bits());
    }

    /** Deletes exactly this prefix; false when it was absent. */
    public boolean delete(LpmKey<D> prefix) {
        return raw.delete(encodeKey(prefix));
    }

    /** The stored prefixes, each once. */
    public List<LpmKey<D>> keys() {
        return decodedKeys();
    }
}
