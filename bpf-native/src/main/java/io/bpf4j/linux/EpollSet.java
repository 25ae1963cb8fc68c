package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An epoll set that threads sleep on until a watched fd is readable, plus an {@code eventfd} in
 * the same set so that {@link #close()} can wake them: close wakes every waiter, waits until they
 * have left, and only then closes the fds, so closing never hangs and no waiter uses a closed (or
 * reused) fd.
 *
 * <p>An epoll fd is itself pollable, so one set can watch another ({@link #watchIn}): that is how
 * a poller waits on several rings, each with its own set. Closing the inner set removes it from
 * the outer one by itself, as the kernel drops closed files from epoll sets.
 */
final class EpollSet implements AutoCloseable {
    /** epoll data of the wake-up eventfd; watched fds carry 0. Only the count of events is used. */
    private static final long WAKE_TOKEN = 1;
    private static final int MAX_EVENTS = 4;

    private final String owner;
    private final int epollFd;
    private final int wakeFd;
    /** epoll_wait's events; shared by concurrent waiters, as nobody reads them. */
    private final Memory events;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Waiters hold it shared; {@link #close()} takes it exclusively before releasing anything. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

    private EpollSet(String owner, int epollFd, int wakeFd, Memory events) {
        this.owner = owner;
        this.epollFd = epollFd;
        this.wakeFd = wakeFd;
        this.events = events;
    }

    /**
     * Creates an empty set; on failure releases what it made.
     *
     * @param owner what waits on it, for messages (e.g. {@code "ring buffer 'events'"})
     */
    static EpollSet create(String owner) {
        int epollFd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epollFd < 0) {
            throw new BpfException("creating the wait set of " + owner + " (epoll_create1)", Native.getLastError(), null);
        }
        int wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (wakeFd < 0) {
            int errno = Native.getLastError();
            LibC.close(epollFd);
            throw new BpfException("creating the wait set of " + owner + " (eventfd)", errno, null);
        }
        EpollSet set = new EpollSet(owner, epollFd, wakeFd, new Memory((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS));
        try {
            set.add(wakeFd, WAKE_TOKEN);
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
        return set;
    }

    /** Wakes waiters whenever {@code fd} is readable. */
    void watch(int fd) {
        if (!inUse.readLock().tryLock()) {
            throw new IllegalStateException("the wait set of " + owner + " is closed");
        }
        try {
            if (closed.get()) {
                throw new IllegalStateException("the wait set of " + owner + " is closed");
            }
            add(fd, 0);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private void add(int fd, long token) {
        try (Memory event = new Memory(LibC.EPOLL_EVENT_SIZE)) {
            event.clear();
            event.setInt(0, LibC.EPOLLIN);
            event.setLong(LibC.EPOLL_EVENT_DATA_OFFSET, token);
            if (LibC.epoll_ctl(epollFd, LibC.EPOLL_CTL_ADD, fd, Pointer.nativeValue(event)) < 0) {
                throw new BpfException("adding fd " + fd + " to the wait set of " + owner + " (epoll_ctl)",
                        Native.getLastError(), null);
            }
        }
    }

    /**
     * Makes {@code outer} wake whenever this set would, for as long as this set is open.
     *
     * @throws IllegalStateException when this set is closed
     */
    void watchIn(EpollSet outer) {
        // Holding the lock shared keeps epollFd from being closed (and its number reused) meanwhile.
        if (!inUse.readLock().tryLock()) {
            throw new IllegalStateException(owner + " is closed");
        }
        try {
            if (closed.get()) {
                throw new IllegalStateException(owner + " is closed");
            }
            outer.watch(epollFd);
        } finally {
            inUse.readLock().unlock();
        }
    }

    /**
     * Blocks in {@code epoll_wait} until a watched fd is readable (level-triggered for ring
     * buffers: at once while records wait), the timeout passes, or the set is closed.
     *
     * @return true when a watched fd is readable, false on timeout or once closed
     */
    boolean await(long timeoutMillis) {
        if (!inUse.readLock().tryLock()) {
            return false; // closing
        }
        try {
            long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000;
            while (!closed.get()) {
                int timeout = (int) Math.min(Integer.MAX_VALUE,
                        Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000));
                int ready = LibC.epoll_wait(epollFd, Pointer.nativeValue(events), MAX_EVENTS, timeout);
                if (ready > 0) {
                    // Only watched fds and close() signal; after close() the answer is "nothing to read".
                    return !closed.get();
                }
                if (ready == 0) {
                    return false;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR) {
                    throw new BpfException("waiting on " + owner + " (epoll_wait)", errno, null);
                }
            }
            return false;
        } finally {
            inUse.readLock().unlock();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Wakes waiters, waits until they have left, then closes the fds; once only. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Memory one = new Memory(Long.BYTES)) {
            one.setLong(0, 1);
            // The eventfd stays readable from now on, so a waiter arriving late also returns at once.
            LibC.write(wakeFd, Pointer.nativeValue(one), Long.BYTES);
        }
        inUse.writeLock().lock();
        try {
            LibC.close(epollFd);
            LibC.close(wakeFd);
            events.close();
        } finally {
            inUse.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "wait set of " + owner + (closed.get() ? " (closed)" : "");
    }
}
