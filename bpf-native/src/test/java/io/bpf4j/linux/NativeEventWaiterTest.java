package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.spi.EventSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The epoll-based waiter itself: needs no BPF, so no privileges. */
class NativeEventWaiterTest {
    @Test
    void refusesSourcesOfAnotherBackend() {
        EventSource foreign = timeout -> false;
        try (NativeEventWaiter waiter = NativeEventWaiter.create()) {
            assertThatThrownBy(() -> waiter.watch(foreign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("it comes from another backend");
        }
    }

    @Test
    void closeWakesAWaiterAndLaterWaitsReturnAtOnce() throws Exception {
        NativeEventWaiter waiter = NativeEventWaiter.create();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> waiter.await(600_000));

        waiter.close();
        waiter.close();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(waiter.await(600_000)).isFalse();
    }
}
