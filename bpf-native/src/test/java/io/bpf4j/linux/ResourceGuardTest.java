package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResourceGuardTest {
    private final AtomicInteger releases = new AtomicInteger();
    private final ResourceGuard guard = new ResourceGuard("object 'x'", releases::incrementAndGet);

    @Test
    void closingWithoutLeasesReleasesAtOnceAndOnce() {
        assertThat(guard.close()).isTrue();
        assertThat(guard.close()).isFalse();
        assertThat(releases).hasValue(1);
        assertThat(guard.tryAcquire()).isFalse();
        guard.awaitReleased(); // returns: released already
    }

    @Test
    void closingDuringLeasesDefersTheReleaseToTheLastLease() {
        assertThat(guard.tryAcquire()).isTrue();
        assertThat(guard.tryAcquire()).isTrue();

        guard.close(); // as the object's close would, from another thread or from a handler

        assertThat(releases).hasValue(0);
        assertThat(guard.tryAcquire()).isFalse();
        guard.release();
        assertThat(releases).hasValue(0);
        guard.release();
        assertThat(releases).hasValue(1);
    }

    @Test
    void leasesThatEndBeforeCloseLeaveTheReleaseToClose() {
        assertThat(guard.tryAcquire()).isTrue();
        guard.release();
        assertThat(releases).hasValue(0);
        guard.close();
        assertThat(releases).hasValue(1);
    }

    @Test
    void aLeaseRefusedAfterCloseNamesTheOperationAndTheOwner() {
        guard.close();
        assertThatThrownBy(() -> guard.acquire("bpf(BPF_MAP_UPDATE_ELEM) on map 'm'"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bpf(BPF_MAP_UPDATE_ELEM) on map 'm': object 'x' is closed");
    }

    @Test
    void aWaitingCloserReturnsOnlyOnceTheLastLeaseHasReleased() throws Exception {
        assertThat(guard.tryAcquire()).isTrue();
        guard.close();
        CompletableFuture<Integer> closer = CompletableFuture.supplyAsync(() -> {
            guard.awaitReleased();
            return releases.get();
        });
        // The closer cannot finish while the lease is open; ending it releases, and the closer sees that.
        assertThat(closer.isDone()).isFalse();
        guard.release();
        assertThat(closer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void concurrentLeasesAndACloseReleaseExactlyOnce() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                while (guard.tryAcquire()) {
                    guard.release();
                }
            });
            threads[t].start();
        }
        guard.close();
        guard.awaitReleased();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(releases).hasValue(1);
    }
}
