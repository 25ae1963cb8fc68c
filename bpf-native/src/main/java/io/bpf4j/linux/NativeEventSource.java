package io.bpf4j.linux;

import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.EventWaiter;

/** An event source of this backend: its wake-ups come from an {@link EpollSet} a waiter can nest. */
interface NativeEventSource extends EventSource {
    /** The set this source's own waits use. */
    EpollSet waitSet();

    /** Waits on this source and others of this backend in one {@code epoll_wait}. */
    @Override
    default EventWaiter openWaiter() {
        return NativeEventWaiter.create();
    }
}
