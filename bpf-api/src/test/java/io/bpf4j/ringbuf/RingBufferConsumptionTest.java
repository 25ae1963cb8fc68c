package io.bpf4j.ringbuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.codec.Codecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the reader hands a record's space back to the producer. */
class RingBufferConsumptionTest {
    private final InMemoryRing ring = new InMemoryRing(64);
    private final RingBufferReader<Integer> reader = new RingBufferReader<>("events", ring, Codecs.INT32);

    @Test
    void theConsumerPositionMovesOnlyAfterTheHandlerIsDoneWithTheRecord() {
        ring.append(1);
        ring.append(2);
        List<Long> consumedDuringHandler = new ArrayList<>();
        reader.drainViews((data, offset, length) -> consumedDuringHandler.add(ring.consumed()));
        // While a handler reads a record in place, the producer must not be allowed to reuse it.
        assertThat(consumedDuringHandler).containsExactly(0L, 16L);
        assertThat(ring.consumed()).isEqualTo(32);
    }

    @Test
    void memoryTheBackendClosedIsNeverReadAgain() {
        ring.append(1);
        ring.closedByBackend = true;
        assertThat(reader.drain(v -> { })).isZero();
        assertThat(ring.consumed()).isZero();
    }

    @Test
    void aHandlerThatClosesTheReaderEndsTheDrain() {
        ring.append(1);
        ring.append(2);
        List<Integer> seen = new ArrayList<>();
        assertThat(reader.drain(v -> {
            seen.add(v);
            reader.close();
        })).isEqualTo(1);
        assertThat(seen).containsExactly(1);
        assertThat(ring.closes).isEqualTo(1);
    }

    @Test
    void aRecordWhoseHandlerThrowsIsStillConsumed() {
        ring.append(1);
        assertThatThrownBy(() -> reader.drain(v -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(ring.consumed()).isEqualTo(16);
    }
}
