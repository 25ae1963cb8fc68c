package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The C library calls bpf4j needs, bound by JNA direct mapping: the hot ones ({@code syscall} for
 * map operations, {@code epoll_wait}, {@code read}) cost a plain native call with no argument
 * conversion. Addresses are passed as {@code long} so that no {@link Pointer} is allocated per call.
 *
 * <p>Every call records {@code errno} for {@link Native#getLastError()}, which is how failures are
 * read; values are never guessed.
 */
final class LibC {
    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    /** {@code bpf(2)}: its syscall number per architecture (glibc has no wrapper). */
    static final long SYS_BPF = syscallNumber(321, 280);

    static final int O_RDONLY = 0;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;

    static final int PROT_READ = 0x1;
    static final int PROT_WRITE = 0x2;
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final long MAP_FAILED = -1L;
    static final int MREMAP_MAYMOVE = 1;
    static final int MREMAP_FIXED = 2;
    /** {@code mremap(2)}, called through {@link #syscall(long, long, long, long, long, long)}: glibc's is variadic. */
    static final long SYS_MREMAP = syscallNumber(25, 216);

    static final int EPOLL_CLOEXEC = O_CLOEXEC;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLLIN = 0x001;
    /** {@code struct epoll_event} is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16). */
    static final int EPOLL_EVENT_SIZE = Platform.isIntel() ? 12 : 16;
    static final int EPOLL_EVENT_DATA_OFFSET = Platform.isIntel() ? 4 : 8;

    static final int EFD_CLOEXEC = O_CLOEXEC;
    static final int EFD_NONBLOCK = O_NONBLOCK;

    /** {@code struct pollfd}: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;
    static final short POLLIN = 0x001;

    private static final int SC_PAGESIZE = 30;

    private LibC() {}

    private static long syscallNumber(long x86_64, long aarch64) {
        if (Platform.isIntel() && Platform.is64Bit()) {
            return x86_64;
        }
        if (Platform.isARM() && Platform.is64Bit()) {
            return aarch64;
        }
        throw new UnsupportedOperationException("bpf4j supports Linux on x86-64 and aarch64, not " + Platform.ARCH);
    }

    /** The page size, which ring-buffer mappings are made of. */
    static long pageSize() {
        return sysconf(SC_PAGESIZE);
    }

    /**
     * {@code syscall(2)} with three arguments. The C function is variadic; on x86-64 and aarch64
     * Linux integer arguments travel in the same registers whether variadic or not, so a fixed
     * signature is safe there and lets this hot call use direct mapping.
     */
    static native long syscall(long number, long arg1, long arg2, long arg3);

    static native long sysconf(int name);

    static native long mmap(long address, long length, int prot, int flags, int fd, long offset);

    static native int munmap(long address, long length);

    static native int mprotect(long address, long length, int prot);

    /** {@code open(2)} without {@code O_CREAT}, so the variadic mode argument is never read. */
    static native int open(String path, int flags);

    static native int close(int fd);

    static native long read(int fd, long buffer, long count);

    static native long write(int fd, long buffer, long count);

    static native int poll(long fds, long count, int timeoutMillis);

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epollFd, int op, int fd, long event);

    static native int epoll_wait(int epollFd, long events, int maxEvents, int timeoutMillis);

    static native int eventfd(int initialValue, int flags);

    /** {@code syscall(2)} with five arguments, for {@code perf_event_open} (see the three-argument form). */
    static native long syscall(long number, long arg1, long arg2, long arg3, long arg4, long arg5);

    static native int socketpair(int domain, int type, int protocol, int[] fds);

    static native int setsockopt(int fd, int level, int option, Pointer value, int length);

    /** Formats libbpf's messages: {@code args} is the {@code va_list} libbpf hands its print callback. */
    static native int vsnprintf(Pointer buffer, long size, Pointer format, Pointer args);

    /**
     * {@code ioctl(2)} with one integer argument (perf event enable/disable). Variadic in C; a
     * fixed signature is safe for the reason given at {@link #syscall(long, long, long, long)}.
     */
    static native int ioctl(int fd, long request, long argument);

    /** {@code sched_getaffinity(2)}: the CPUs {@code pid} (0: this thread) may run on, as a bit mask. */
    static native int sched_getaffinity(int pid, long maskSize, long mask);

    /** {@code sched_setaffinity(2)}: restricts {@code pid} (0: this thread) to the CPUs of the mask. */
    static native int sched_setaffinity(int pid, long maskSize, long mask);
}
