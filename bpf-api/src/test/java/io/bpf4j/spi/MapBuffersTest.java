package io.bpf4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.spec.MapType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MapBuffersTest {
    /** A hash map of 4-byte keys and 8-byte values, 3 entries; cursors are 8 bytes. */
    private static final MapHandle HASH = new Shape("h\u001b[2Jash", MapType.HASH, 4, 8, 3);
    private static final MapHandle QUEUE = new Shape("q", MapType.QUEUE, 0, 4, 3);
    private static final String HASH_NAME = "h\\x1b[2Jash";

    @Test
    void elementBuffersMustBeExactlyTheMapsSizes() {
        assertThatCode(() -> MapBuffers.key(HASH, "update", ByteBuffer.allocate(4))).doesNotThrowAnyException();
        assertThatCode(() -> MapBuffers.valueIn(HASH, "update", ByteBuffer.allocate(64).limit(8)))
                .as("only the limit counts, not the capacity").doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.key(HASH, "update", ByteBuffer.allocate(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update on map '" + HASH_NAME + "': the key buffer must hold exactly 4 bytes (its limit),"
                        + " not 8");
        assertThatThrownBy(() -> MapBuffers.key(HASH, "update", ByteBuffer.allocate(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MapBuffers.valueOut(HASH, "lookup", ByteBuffer.allocate(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the value buffer must hold exactly 8 bytes (its limit), not 16");
    }

    @Test
    void positionIsIgnored() {
        ByteBuffer filled = ByteBuffer.allocate(4).putInt(7);

        assertThat(filled.position()).isEqualTo(4);
        assertThatCode(() -> MapBuffers.key(HASH, "lookup", filled)).doesNotThrowAnyException();
        assertThat(filled.position()).isEqualTo(4);
    }

    @Test
    void outputBuffersMustBeWritableInputsNeedNotBe() {
        ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();

        assertThatCode(() -> MapBuffers.valueIn(HASH, "update", readOnly)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.valueOut(HASH, "lookupAndDelete", readOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookupAndDelete on map '" + HASH_NAME + "': the value buffer is read-only, but the"
                        + " operation writes into it");
        assertThatThrownBy(() -> MapBuffers.keyOut(HASH, "nextKey", "nextKey", ByteBuffer.allocate(4)
                .asReadOnlyBuffer())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the nextKey buffer is read-only");
    }

    @Test
    void nullsAreNullPointerExceptionsNamingTheArgument() {
        assertThatThrownBy(() -> MapBuffers.key(HASH, "delete", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("delete on map '" + HASH_NAME + "': key must not be null (the map has 4-byte keys)");
        assertThatThrownBy(() -> MapBuffers.valueIn(HASH, "update", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("update on map '" + HASH_NAME + "': value must not be null");
        assertThatThrownBy(() -> MapBuffers.keyOut(HASH, "nextKey", "nextKey", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("nextKey must not be null");
    }

    @Test
    void mapsWithoutKeysTakeANullKeyOnly() {
        assertThatCode(() -> MapBuffers.key(QUEUE, "update", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.key(QUEUE, "update", ByteBuffer.allocate(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update on map 'q': the map has no keys (QUEUE): pass a null key");
        assertThatThrownBy(() -> MapBuffers.startKey(QUEUE, "nextKey", ByteBuffer.allocate(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> MapBuffers.startKey(HASH, "nextKey", null)).as("start at the first key")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.startKey(HASH, "nextKey", ByteBuffer.allocate(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchBuffersHoldExactlyCountElements() {
        ByteBuffer cursor = ByteBuffer.allocate(8);
        assertThatCode(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", null, cursor, ByteBuffer.allocate(12),
                ByteBuffer.allocate(24), 3)).doesNotThrowAnyException();
        assertThatCode(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", cursor, cursor, ByteBuffer.allocate(4),
                ByteBuffer.allocate(8), 1)).as("one cursor for in and out").doesNotThrowAnyException();

        assertThatThrownBy(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", null, cursor, ByteBuffer.allocate(16),
                ByteBuffer.allocate(24), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the keys buffer must hold exactly 12 bytes (its limit), not 16");
        assertThatThrownBy(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", ByteBuffer.allocate(4), cursor,
                ByteBuffer.allocate(12), ByteBuffer.allocate(24), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the inCursor buffer must hold exactly 8 bytes");
        assertThatThrownBy(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", null, cursor.asReadOnlyBuffer(),
                ByteBuffer.allocate(12), ByteBuffer.allocate(24), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the outCursor buffer is read-only");
        assertThatThrownBy(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", null, cursor, ByteBuffer.allocate(12),
                ByteBuffer.allocate(24).asReadOnlyBuffer(), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the values buffer is read-only");
        assertThatThrownBy(() -> MapBuffers.lookupBatch(HASH, "lookupBatch", null, null, ByteBuffer.allocate(12),
                ByteBuffer.allocate(24), 3)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("outCursor must not be null");

        assertThatCode(() -> MapBuffers.updateBatch(HASH, "updateBatch", ByteBuffer.allocate(8).asReadOnlyBuffer(),
                ByteBuffer.allocate(16).asReadOnlyBuffer(), 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.updateBatch(HASH, "updateBatch", ByteBuffer.allocate(8),
                ByteBuffer.allocate(24), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the values buffer must hold exactly 16 bytes");
        assertThatThrownBy(() -> MapBuffers.deleteBatch(HASH, "deleteBatch", null, 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void batchCountsArePositiveAndFitABuffer() {
        assertThatThrownBy(() -> MapBuffers.deleteBatch(HASH, "deleteBatch", ByteBuffer.allocate(0), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteBatch on map '" + HASH_NAME + "': count must be positive, not 0");
        assertThatThrownBy(() -> MapBuffers.deleteBatch(HASH, "deleteBatch", ByteBuffer.allocate(4), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MapBuffers.deleteBatch(HASH, "deleteBatch", ByteBuffer.allocate(4),
                Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteBatch on map '" + HASH_NAME + "': 2147483647 keys of 4 bytes are 8589934588 bytes,"
                        + " more than a buffer holds (2147483647)");
    }

    @Test
    void indexesAreZeroToMaxEntriesMinusOne() {
        MapHandle wide = new Shape("wide", MapType.ARRAY, 4, 8, 0xffff_ffffL);

        assertThatCode(() -> MapBuffers.index(HASH, "set", "index", 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.index(HASH, "set", "index", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set on map '" + HASH_NAME + "': index 3 is out of range 0 to 2");
        assertThatThrownBy(() -> MapBuffers.index(HASH, "set", "index", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1 is out of range 0 to 2");
        assertThatCode(() -> MapBuffers.index(wide, "set", "index", 0xffff_fffeL)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.index(wide, "set", "index", 0xffff_ffffL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range 0 to 4294967294");
    }

    @Test
    void pathsAreNonEmptyAndWithoutNul() {
        assertThatCode(() -> MapBuffers.path(HASH, "pin", "path", "/sys/fs/bpf/x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MapBuffers.path(HASH, "pin", "path", "/sys/fs/bpf/x\0/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pin on map '" + HASH_NAME + "': path must be a non-empty path without NUL characters,"
                        + " not \"/sys/fs/bpf/x\\x00/etc/passwd\"");
        assertThatThrownBy(() -> MapBuffers.path(HASH, "pin", "path", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MapBuffers.path(HASH, "pin", "path", null)).isInstanceOf(NullPointerException.class);
    }

    /** Sizes only. */
    private record Shape(String name, MapType type, int keySize, int valueSize, long maxEntries)
            implements MapHandle {
        @Override
        public boolean lookup(ByteBuffer key, ByteBuffer value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(ByteBuffer key, ByteBuffer value, long flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(ByteBuffer key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
            throw new UnsupportedOperationException();
        }
    }
}
