package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import io.bpf4j.Errno;
import io.bpf4j.trace.TracePipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code /sys/kernel/tracing/trace_pipe}, opened non-blocking and read with {@code poll} + {@code read}
 * so that {@link #readLine} honours its timeout. An {@code eventfd} polled beside the pipe lets
 * {@link #close()} wake a blocked reader, so closing never hangs.
 */
final class NativeTracePipe implements TracePipe {
    static final String PATH = KernelConfig.TRACEFS.resolve("trace_pipe").toString();

    private static final int CHUNK = 4096;
    /** Layout of {@link #scratch}: the read chunk, two {@code struct pollfd}, the eventfd counter. */
    private static final int POLLFDS = CHUNK;
    private static final int COUNTER = POLLFDS + 2 * LibC.POLLFD_SIZE;

    private final int fd;
    private final int wakeFd;
    private final Memory scratch;
    /** Bytes read but not yet returned: the start of the next line. */
    private byte[] pending = new byte[CHUNK];
    private int pendingLength;
    private final ReentrantLock reading = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    private NativeTracePipe(int fd, int wakeFd) {
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.scratch = new Memory(COUNTER + Long.BYTES);
        pollFd(0, fd);
        pollFd(1, wakeFd);
    }

    private void pollFd(int index, int pollFd) {
        long offset = POLLFDS + (long) index * LibC.POLLFD_SIZE;
        scratch.setInt(offset, pollFd);
        scratch.setShort(offset + 4, LibC.POLLIN);
        scratch.setShort(offset + 6, (short) 0);
    }

    /**
     * Opens the trace pipe.
     *
     * @throws BpfException saying how to mount tracefs when it is not mounted
     * @throws BpfPermissionException naming the path this process may not pass, with its mode and owner
     */
    static NativeTracePipe open() {
        String operation = "opening " + PATH;
        int fd = LibC.open(PATH, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) {
            int errno = Native.getLastError();
            if (errno == Errno.ENOENT && !KernelConfig.tracefsMounted()) {
                throw new BpfException(operation, errno, "tracefs is not mounted; " + KernelConfig.MOUNT_TRACEFS);
            }
            if (errno == Errno.EACCES) {
                // tracefs guards the pipe with file permissions, not with a capability.
                throw new BpfPermissionException(operation, errno, TracefsAccess.readAccess(Path.of(PATH)));
            }
            throw KernelErrors.failure(operation, errno, null);
        }
        int wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (wakeFd < 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw new BpfException(operation + " (eventfd)", errno, null);
        }
        return new NativeTracePipe(fd, wakeFd);
    }

    @Override
    public String readLine(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        reading.lock();
        try {
            while (!closed.get()) {
                String line = takeLine();
                if (line != null) {
                    return line;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !awaitReadable(remaining)) {
                    return null;
                }
                readAvailable();
            }
            return null;
        } finally {
            reading.unlock();
        }
    }

    /** Polls the pipe and the close signal; false on timeout. */
    private boolean awaitReadable(long remainingNanos) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, (remainingNanos + 999_999) / 1_000_000);
        int ready = LibC.poll(Pointer.nativeValue(scratch) + POLLFDS, 2, timeout);
        if (ready < 0) {
            int errno = Native.getLastError();
            if (errno == Errno.EINTR) {
                return true; // the caller loops and re-checks the deadline
            }
            throw new BpfException("polling " + PATH, errno, null);
        }
        return ready > 0;
    }

    private void readAvailable() {
        if (closed.get()) {
            return;
        }
        long n = LibC.read(fd, Pointer.nativeValue(scratch), CHUNK);
        if (n > 0) {
            if (pendingLength + n > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingLength + (int) n));
            }
            scratch.read(0, pending, pendingLength, (int) n);
            pendingLength += (int) n;
            return;
        }
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno != Errno.EAGAIN && errno != Errno.EINTR) {
                throw new BpfException("reading " + PATH, errno, null);
            }
        }
    }

    /** The first complete line in {@link #pending}, removed from it; null when there is none. */
    private String takeLine() {
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] == '\n') {
                String line = new String(pending, 0, i, StandardCharsets.UTF_8);
                pendingLength -= i + 1;
                System.arraycopy(pending, i + 1, pending, 0, pendingLength);
                return line;
            }
        }
        return null;
    }

    /** Wakes a blocked reader, waits for it to leave, then closes the fds; once only. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scratch.setLong(COUNTER, 1);
        LibC.write(wakeFd, Pointer.nativeValue(scratch) + COUNTER, Long.BYTES);
        reading.lock();
        try {
            LibC.close(fd);
            LibC.close(wakeFd);
            scratch.close();
        } finally {
            reading.unlock();
        }
    }
}
