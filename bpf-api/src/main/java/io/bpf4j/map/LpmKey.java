package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A key of an LPM trie: the data and how many of its leading bits matter.
 *
 * <p>The kernel's convention, which the BPF side's key struct must follow:
 * <pre>{@code struct { __u32 prefixlen; <data> }}</pre>
 * the prefix length in bits first (native byte order), then the data compared bit by bit from its
 * first byte (so addresses go in network byte order).
 *
 * @param prefixLength how many leading bits of {@code data} the key covers
 * @param data the data, e.g. an address
 * @param <D> the data's type
 */
public record LpmKey<D>(int prefixLength, D data) {
    /**
     * @throws IllegalArgumentException when {@code prefixLength} is negative (the kernel's is a
     *     {@code __u32}; encoding also refuses one longer than the data's bits)
     */
    public LpmKey {
        if (prefixLength < 0) {
            throw new IllegalArgumentException("LpmKey prefixLength: " + prefixLength
                    + " is out of range 0 to the key data's bits");
        }
        Objects.requireNonNull(data, "data");
    }

    /**
     * The codec of keys whose data {@code dataCodec} encodes: 4 bytes of prefix length, then the data.
     * Encoding refuses a prefix longer than the data ({@code 8 * dataCodec.size()} bits), which the
     * kernel would refuse with EINVAL, with an {@link IllegalArgumentException}.
     */
    public static <D> Codec<LpmKey<D>> codec(Codec<D> dataCodec) {
        return new Codec<>() {
            @Override
            public int size() {
                return 4 + dataCodec.size();
            }

            @Override
            public LpmKey<D> decode(ByteBuffer buffer, int offset) {
                return new LpmKey<>(buffer.getInt(offset), dataCodec.decode(buffer, offset + 4));
            }

            @Override
            public void encode(LpmKey<D> key, ByteBuffer buffer, int offset) {
                long dataBits = 8L * dataCodec.size();
                if (key.prefixLength() > dataBits) {
                    throw new IllegalArgumentException("LpmKey prefixLength: " + key.prefixLength()
                            + " is out of range 0 to " + dataBits + " (the bits of " + dataCodec.size()
                            + " data bytes)");
                }
                buffer.putInt(offset, key.prefixLength());
                dataCodec.encode(key.data(), buffer, offset + 4);
            }
        };
    }
}
