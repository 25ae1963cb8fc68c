package io.bpf4j.linux;

import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.EventWaiter;

/**
 * One {@code epoll_wait} over several ring and perf buffers: an epoll set watching each source's
 * own epoll set. A source that is closed leaves the set by itself.
 */
final class NativeEventWaiter implements EventWaiter {
    private final EpollSet set;

    private NativeEventWaiter(EpollSet set) {
        this.set = set;
    }

    static NativeEventWaiter create() {
        return new NativeEventWaiter(EpollSet.create("an event poller"));
    }

    @Override
    public void watch(EventSource source) {
        if (!(source instanceof NativeEventSource)) {
            throw new IllegalArgumentException("the native event waiter cannot watch " + source
                    + ": it comes from another backend");
        }
        if (set.isClosed()) {
            throw new IllegalStateException("the event poller is closed");
        }
        ((NativeEventSource) source).waitSet().watchIn(set);
    }

    @Override
    public boolean await(long timeoutMillis) {
        return set.await(timeoutMillis);
    }

    @Override
    public void close() {
        set.close();
    }
}
