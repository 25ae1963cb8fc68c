package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Drops capabilities from this process's effective set ({@code capset(2)}), so that a child JVM
 * can set things up with privileges and then try an operation without them.
 */
final class EffectiveCapabilities {
    /** {@code _LINUX_CAPABILITY_VERSION_3}: two 32-bit words per set. */
    private static final int VERSION_3 = 0x20080522;
    /** {@code struct __user_cap_data_struct}: effective, permitted, inheritable (u32 each), twice. */
    private static final int DATA_SIZE = 2 * 12;

    static {
        Native.register(EffectiveCapabilities.class, Platform.C_LIBRARY_NAME);
    }

    private EffectiveCapabilities() {}

    private static native int capget(Pointer header, Pointer data);

    private static native int capset(Pointer header, Pointer data);

    /** Removes {@code capabilities} (numbers such as {@code Capabilities.CAP_BPF}) from the effective set. */
    static void drop(int... capabilities) {
        try (Memory header = new Memory(8); Memory data = new Memory(DATA_SIZE)) {
            header.setInt(0, VERSION_3);
            header.setInt(4, 0); // this process
            if (capget(header, data) != 0) {
                throw new IllegalStateException("capget failed: errno " + Native.getLastError());
            }
            for (int capability : capabilities) {
                long effective = (capability / 32) * 12L; // the word's effective field
                data.setInt(effective, data.getInt(effective) & ~(1 << (capability % 32)));
            }
            if (capset(header, data) != 0) {
                throw new IllegalStateException("capset failed: errno " + Native.getLastError());
            }
        }
    }
}
