package io.bpf4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PollingEventWaiterTest {
    /** A source that reports data once {@code ready} is set and records every timeout it was asked to wait. */
    private static final class Source implements EventSource {
        final List<Long> waits = new CopyOnWriteArrayList<>();
        volatile boolean ready;

        @Override
        public boolean awaitData(long timeoutMillis) {
            waits.add(timeoutMillis);
            return ready;
        }
    }

    private final PollingEventWaiter waiter = new PollingEventWaiter();

    @Test
    void aSingleSourceIsWaitedOnInShortSlices() {
        Source only = new Source();
        waiter.watch(only);

        assertThat(waiter.await(30)).isFalse();

        assertThat(only.waits).isNotEmpty().allSatisfy(w -> assertThat(w).isBetween(0L, 5L));
    }

    @Test
    void severalSourcesAreCheckedWithoutBlockingAndAnyOneWakesTheWaiter() {
        Source quiet = new Source();
        Source busy = new Source();
        busy.ready = true;
        waiter.watch(quiet);
        waiter.watch(busy);

        assertThat(waiter.await(60_000)).isTrue();

        assertThat(quiet.waits).containsOnly(0L);
        assertThat(busy.waits).containsExactly(0L);
    }

    @Test
    void aClosedWaiterNeitherWaitsNorWatches() {
        Source source = new Source();
        waiter.watch(source);
        waiter.close();
        waiter.close();

        assertThat(waiter.await(60_000)).isFalse();
        assertThatThrownBy(() -> waiter.watch(new Source())).isInstanceOf(IllegalStateException.class)
                .hasMessage("the event waiter is closed");
    }
}
