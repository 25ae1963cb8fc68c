package io.bpf4j.linux;

import com.sun.jna.Platform;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The compiled BPF fixtures of src/test/bpf and small helpers the real-kernel tests share. */
final class Fixtures {
    static final String NATIVE = "native_fixture.bpf.o";
    static final String BAD_DEREF = "bad_deref.bpf.o";
    static final String KPROBE = "kprobe_fixture.bpf.o";
    static final String FENTRY = "fentry_fixture.bpf.o";

    /** {@code getpid(2)}'s syscall number: the fixture's tracepoint fires on the real syscall. */
    private static final long SYS_GETPID = Platform.isIntel() ? 39 : 172;

    private Fixtures() {}

    /** The bytes of a compiled fixture from the test class path. */
    static byte[] object(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path: the build compiles src/test/bpf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Calls the getpid system call itself: {@code ProcessHandle.current().pid()} answers from a
     * cache and would never fire the tracepoint.
     */
    static long getpid() {
        return LibC.syscall(SYS_GETPID, 0, 0, 0);
    }

    /** How many file descriptors this process has open. */
    static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteBuffer u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, value);
    }

    static ByteBuffer u64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, value);
    }
}
