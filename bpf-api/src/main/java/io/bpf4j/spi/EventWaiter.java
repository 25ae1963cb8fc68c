package io.bpf4j.spi;

/**
 * One wait for several {@link EventSource}s, for pollers that serve many rings from one thread.
 * Obtained from {@link EventSource#openWaiter()}.
 *
 * <p>Thread-safe. {@link #close()} wakes a thread blocked in {@link #await} and waits for it to
 * leave, so closing never hangs and never pulls resources from under a waiter.
 */
public interface EventWaiter extends AutoCloseable {
    /**
     * Adds a source to the watched set. A closed source is dropped from the set by itself.
     *
     * @throws IllegalArgumentException when this waiter cannot watch sources of that kind (another
     *     backend's)
     * @throws IllegalStateException when the source or this waiter is closed
     */
    void watch(EventSource source);

    /**
     * Blocks until a watched source signals, the timeout passes, or the waiter is closed.
     * Signals are hints: callers check the sources' memory afterwards either way.
     *
     * @return true when a source signalled, false on timeout or once closed
     */
    boolean await(long timeoutMillis);

    /** Wakes waiters and releases the wait set; idempotent. The sources stay open. */
    @Override
    void close();
}
