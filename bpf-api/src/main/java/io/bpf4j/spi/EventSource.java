package io.bpf4j.spi;

/**
 * Memory a BPF producer fills and signals: a ring buffer, or the per-CPU rings of a perf buffer.
 * Readers check for data in Java and use these calls only to sleep until the producer signals.
 */
public interface EventSource {
    /**
     * Waits until the producer signals new data or the timeout passes; {@code 0} checks without
     * blocking.
     *
     * @return true when woken by the producer, false on timeout or once closed
     */
    boolean awaitData(long timeoutMillis);

    /**
     * Opens a waiter that can watch this source together with other sources of the same backend in
     * one wait. The caller closes it; closing it leaves the sources open.
     *
     * <p>The default waits on each source in turn ({@link PollingEventWaiter}); backends with a
     * kernel wait set (epoll) return one that sleeps in a single system call.
     */
    default EventWaiter openWaiter() {
        return new PollingEventWaiter();
    }
}
