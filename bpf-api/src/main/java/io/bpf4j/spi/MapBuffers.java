package io.bpf4j.spi;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;

/**
 * The argument rules of {@link MapHandle}, checked in one place so that every backend refuses the
 * same calls the same way: a backend calls these before anything that could change kernel state,
 * so a refused call has changed nothing (a lookup-and-delete into a read-only buffer must not delete
 * the element and then fail to copy it out).
 *
 * <p>The rules, as {@link MapHandle} documents them: a buffer's {@code limit()} is exactly the bytes
 * the operation exchanges; its content is at indexes 0 to {@code limit() - 1}, whatever its position
 * (absolute access: neither position nor limit is read or changed); heap and direct buffers are both
 * accepted; a buffer the operation writes must not be read-only. A {@code null} where a buffer is
 * needed is a {@link NullPointerException}, every other refusal an {@link IllegalArgumentException};
 * each names the map, the operation and the argument.
 */
public final class MapBuffers {
    private MapBuffers() {}

    /**
     * A key the operation reads: {@code null} for maps without keys ({@code keySize() == 0}), else
     * exactly {@code keySize()} bytes.
     */
    public static void key(MapHandle map, String operation, ByteBuffer key) {
        if (map.keySize() == 0) {
            if (key != null) {
                throw new IllegalArgumentException(where(map, operation) + "the map has no keys (" + map.type()
                        + "): pass a null key");
            }
            return;
        }
        if (key == null) {
            throw new NullPointerException(where(map, operation) + "key must not be null (the map has "
                    + map.keySize() + "-byte keys)");
        }
        size(map, operation, "key", key, map.keySize());
    }

    /** The key a key walk starts from: {@code null} (start at the first key) or a key as {@link #key}. */
    public static void startKey(MapHandle map, String operation, ByteBuffer key) {
        if (key != null || map.keySize() == 0) {
            key(map, operation, key);
        }
    }

    /** A buffer that receives a key: exactly {@code keySize()} bytes, writable. */
    public static void keyOut(MapHandle map, String operation, String argument, ByteBuffer key) {
        output(map, operation, argument, key, map.keySize());
    }

    /** A value the operation reads (an update, a bloom filter query): exactly {@code valueBufferSize()} bytes. */
    public static void valueIn(MapHandle map, String operation, ByteBuffer value) {
        size(map, operation, "value", required(map, operation, "value", value), map.valueBufferSize());
    }

    /** A buffer that receives a value: exactly {@code valueBufferSize()} bytes, writable. */
    public static void valueOut(MapHandle map, String operation, ByteBuffer value) {
        output(map, operation, "value", value, map.valueBufferSize());
    }

    /**
     * The buffers of a batch lookup ({@link MapHandle#lookupBatch}, {@link MapHandle#lookupAndDeleteBatch}):
     * cursors of exactly {@code batchCursorSize()} bytes ({@code inCursor} may be null, {@code outCursor}
     * is written), and {@code keys}/{@code values} of exactly {@code count} packed elements, written.
     */
    public static void lookupBatch(MapHandle map, String operation, ByteBuffer inCursor, ByteBuffer outCursor,
            ByteBuffer keys, ByteBuffer values, int count) {
        if (inCursor != null) {
            size(map, operation, "inCursor", inCursor, map.batchCursorSize());
        }
        output(map, operation, "outCursor", outCursor, map.batchCursorSize());
        positive(map, operation, count);
        output(map, operation, "keys", keys, packed(map, operation, "keys", count, map.keySize()));
        output(map, operation, "values", values, packed(map, operation, "values", count, map.valueBufferSize()));
    }

    /** The buffers of {@link MapHandle#updateBatch}: {@code count} packed keys and values, read. */
    public static void updateBatch(MapHandle map, String operation, ByteBuffer keys, ByteBuffer values, int count) {
        positive(map, operation, count);
        size(map, operation, "keys", required(map, operation, "keys", keys),
                packed(map, operation, "keys", count, map.keySize()));
        size(map, operation, "values", required(map, operation, "values", values),
                packed(map, operation, "values", count, map.valueBufferSize()));
    }

    /** The keys of {@link MapHandle#deleteBatch}: {@code count} packed keys, read. */
    public static void deleteBatch(MapHandle map, String operation, ByteBuffer keys, int count) {
        positive(map, operation, count);
        size(map, operation, "keys", required(map, operation, "keys", keys),
                packed(map, operation, "keys", count, map.keySize()));
    }

    /**
     * A file system path handed to the kernel as a C string (a pin path, a cgroup directory): not
     * empty and without NUL characters, which would silently cut it short.
     */
    public static void path(MapHandle map, String operation, String argument, String path) {
        required(map, operation, argument, path);
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(where(map, operation) + argument + " must be a non-empty path without"
                    + " NUL characters, not \"" + Printable.escape(path) + "\"");
        }
    }

    /** An index of an array-like map: 0 to {@code maxEntries() - 1}. */
    public static void index(MapHandle map, String operation, String argument, long index) {
        if (index < 0 || index >= map.maxEntries()) {
            throw new IllegalArgumentException(where(map, operation) + argument + " " + index
                    + " is out of range 0 to " + (map.maxEntries() - 1));
        }
    }

    private static void output(MapHandle map, String operation, String argument, ByteBuffer buffer, long size) {
        size(map, operation, argument, required(map, operation, argument, buffer), size);
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException(where(map, operation) + "the " + argument
                    + " buffer is read-only, but the operation writes into it");
        }
    }

    private static <T> T required(MapHandle map, String operation, String argument, T value) {
        if (value == null) {
            throw new NullPointerException(where(map, operation) + argument + " must not be null");
        }
        return value;
    }

    private static void size(MapHandle map, String operation, String argument, ByteBuffer buffer, long size) {
        if (buffer.limit() != size) {
            throw new IllegalArgumentException(where(map, operation) + "the " + argument + " buffer must hold exactly "
                    + size + " bytes (its limit), not " + buffer.limit());
        }
    }

    private static void positive(MapHandle map, String operation, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException(where(map, operation) + "count must be positive, not " + count);
        }
    }

    /** The bytes of {@code count} packed elements of {@code size} bytes; refuses what no buffer can hold. */
    private static long packed(MapHandle map, String operation, String argument, int count, int size) {
        long bytes = (long) count * size;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where(map, operation) + count + " " + argument + " of " + size
                    + " bytes are " + bytes + " bytes, more than a buffer holds (" + Integer.MAX_VALUE + ")");
        }
        return bytes;
    }

    private static String where(MapHandle map, String operation) {
        return operation + " on map '" + Printable.escape(map.name()) + "': ";
    }
}
