package io.bpf4j.events;

import io.bpf4j.spi.EventSource;

/** One channel of an {@link EventPoller}: a ring or perf buffer with its handler, drained in Java. */
interface PolledChannel {
    /** What the channel is, for messages, e.g. {@code "ring buffer 'events'"}. */
    String description();

    /** Where the channel's producer signals, for the poller's wait set. */
    EventSource source();

    /**
     * Delivers every available record; no system call when the channel is empty. Handler
     * exceptions are collected by the poller, not thrown.
     *
     * @return the number of records delivered
     */
    int drain();
}
