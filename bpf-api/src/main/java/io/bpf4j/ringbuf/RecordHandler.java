package io.bpf4j.ringbuf;

import java.nio.ByteBuffer;

/**
 * Receives ring-buffer records in place: the bytes {@code [offset, offset + length)} of
 * {@code data} (native byte order). Valid only during the call; nothing is allocated per record.
 */
@FunctionalInterface
public interface RecordHandler {
    /** Called once per record, in ring order. */
    void onRecord(ByteBuffer data, int offset, int length);
}
