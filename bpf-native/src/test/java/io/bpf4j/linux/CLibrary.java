package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/** libc functions the uprobe tests call through the C library itself, so a probe on them fires. */
final class CLibrary {
    static {
        Native.register(CLibrary.class, Platform.C_LIBRARY_NAME);
    }

    private CLibrary() {}

    static native int getpid();
}
