package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MappingGuardTest {
    private final AtomicInteger unmaps = new AtomicInteger();
    private final MappingGuard guard = new MappingGuard(unmaps::incrementAndGet);

    @Test
    void closingWithoutReadersUnmapsAtOnceAndOnce() {
        guard.close();
        guard.close();
        assertThat(unmaps).hasValue(1);
        assertThat(guard.beginRead()).isFalse();
    }

    @Test
    void closingDuringReadsDefersTheUnmappingToTheLastReader() {
        assertThat(guard.beginRead()).isTrue();
        assertThat(guard.beginRead()).isTrue();

        guard.close(); // as the object's close would, from another thread or from a handler

        assertThat(unmaps).hasValue(0);
        assertThat(guard.beginRead()).isFalse();
        guard.endRead();
        assertThat(unmaps).hasValue(0);
        guard.endRead();
        assertThat(unmaps).hasValue(1);
    }

    @Test
    void readsThatEndBeforeCloseLeaveTheUnmappingToClose() {
        assertThat(guard.beginRead()).isTrue();
        guard.endRead();
        assertThat(unmaps).hasValue(0);
        guard.close();
        assertThat(unmaps).hasValue(1);
    }
}
