package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.Errno;
import java.io.IOException;
import java.io.InputStream;

/**
 * The output of one pass of a BPF iterator: {@code read(2)} on the fd {@code bpf_iter_create}
 * returned, which runs the program over the kernel objects as the reader consumes.
 */
final class IteratorInputStream extends InputStream {
    private static final int CHUNK = 64 * 1024;

    private final int fd;
    private final String description;
    private final Memory buffer = new Memory(CHUNK);
    private boolean closed;

    IteratorInputStream(int fd, String description) {
        this.fd = fd;
        this.description = description;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        if (closed) {
            throw new IOException("iterator " + description + " is closed");
        }
        if (length == 0) {
            return 0;
        }
        long n;
        do {
            n = LibC.read(fd, Pointer.nativeValue(buffer), Math.min(length, CHUNK));
        } while (n < 0 && Native.getLastError() == Errno.EINTR);
        if (n < 0) {
            throw new IOException("reading iterator " + description + " failed: " + Errno.describe(Native.getLastError()));
        }
        if (n == 0) {
            return -1;
        }
        buffer.read(0, target, offset, (int) n);
        return (int) n;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
            buffer.close();
        }
    }
}
