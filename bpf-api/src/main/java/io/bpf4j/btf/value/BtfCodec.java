package io.bpf4j.btf.value;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes any {@link ValueType} from its C layout into a {@link BtfValue}, and encodes one back,
 * with the layout generated skeletons use: the same {@link ValueTypes} rules, so a record's
 * generated {@code CODEC} and this codec read the same values from the same bytes and write the
 * same bytes for them, padding zeroed alike. Writes are range-checked with
 * {@link io.bpf4j.codec.Ranges} (a value that does not fit its C type is an
 * {@link IllegalArgumentException} naming the member); {@code char[N]} takes all N bytes of text.
 *
 * <p>The plan of the type (every member's offset, width and checks) is worked out once, when the
 * codec is made; decoding then allocates only the value: a struct's integers, enums, bools and
 * floating-point numbers go into one {@code long[]}, with no boxing. Buffers are in native byte
 * order and read and written at absolute indexes, as every {@link Codec}. A codec is immutable
 * and may be shared between threads.
 *
 * @param <V> the values: {@link StructValue} for a struct or union, else {@link BtfValue}
 */
public final class BtfCodec<V extends BtfValue> implements Codec<V> {
    private final Plan plan;
    private final String use;

    private BtfCodec(Plan plan, String use) {
        this.plan = plan;
        this.use = use;
    }

    /** The codec of values of {@code type}; messages of refused writes call a value {@code value}. */
    public static BtfCodec<BtfValue> of(ValueType type) {
        return of(type, "value");
    }

    /**
     * The codec of values of {@code type}.
     *
     * @param use what messages of refused writes call a value that is not a struct's member,
     *     e.g. {@code map 'pids' key}
     */
    public static BtfCodec<BtfValue> of(ValueType type, String use) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(use, "use");
        return new BtfCodec<>(Plan.of(type), use);
    }

    /** The codec of a struct or union. */
    public static BtfCodec<StructValue> of(ValueType.Composite type) {
        return of(type, "value");
    }

    /** The codec of a struct or union; see {@link #of(ValueType, String)}. */
    public static BtfCodec<StructValue> of(ValueType.Composite type, String use) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(use, "use");
        return new BtfCodec<>(Plan.of(type), use);
    }

    /** The type this codec reads and writes. */
    public ValueType type() {
        return plan.type();
    }

    @Override
    public int size() {
        return plan.size();
    }

    /**
     * Reads the value in the {@link #size()} bytes at {@code offset}.
     *
     * @throws IndexOutOfBoundsException when they are not all inside the buffer
     */
    @Override
    @SuppressWarnings("unchecked")
    public V decode(ByteBuffer buffer, int offset) {
        Objects.checkFromIndexSize(offset, plan.size(), buffer.limit());
        return (V) plan.decode(buffer, offset);
    }

    /**
     * Writes {@code value} into the {@link #size()} bytes at {@code offset}.
     *
     * @throws IllegalArgumentException when {@code value} is not a value of this type (a struct
     *     of another type, an array of another length, text for an integer) or does not fit its
     *     C type; bytes before the member at fault may have been written
     * @throws IndexOutOfBoundsException when the bytes are not all inside the buffer
     */
    @Override
    public void encode(V value, ByteBuffer buffer, int offset) {
        Objects.requireNonNull(value, "value");
        Objects.checkFromIndexSize(offset, plan.size(), buffer.limit());
        plan.encode(value, buffer, offset, use);
    }

    @Override
    public String toString() {
        return "BtfCodec[" + plan.type() + "]";
    }
}
