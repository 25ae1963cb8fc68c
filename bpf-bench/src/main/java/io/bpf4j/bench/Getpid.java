package io.bpf4j.bench;

import com.sun.jna.Native;

/**
 * getpid(2) itself, through JNA direct mapping: the benchmark's BPF program records every call.
 * (glibc no longer caches the pid, so each call is a system call; the JDK's
 * {@code ProcessHandle.pid()} is cached and would trigger nothing.)
 */
final class Getpid {
    static {
        Native.register("c");
    }

    private Getpid() {
    }

    /** Calls getpid(2) {@code times} times. */
    static void call(long times) {
        for (long i = 0; i < times; i++) {
            getpid();
        }
    }

    private static native int getpid();
}
