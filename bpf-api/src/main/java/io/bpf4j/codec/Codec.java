package io.bpf4j.codec;

import java.nio.ByteBuffer;

/**
 * Converts between a Java value and its exact C layout. Buffers are in native byte order and are
 * read and written with absolute indexes, so a codec never moves a buffer's position.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {
    /** The C {@code sizeof} in bytes. */
    int size();

    /** Reads a value from {@code size()} bytes at {@code offset}. */
    T decode(ByteBuffer buffer, int offset);

    /** Writes {@code value} into {@code size()} bytes at {@code offset}. */
    void encode(T value, ByteBuffer buffer, int offset);
}
