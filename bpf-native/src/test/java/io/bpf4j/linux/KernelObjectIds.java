package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.HashSet;
import java.util.Set;

/** The ids of every program, map and link the kernel holds now (BPF_*_GET_NEXT_ID), for leak checks. */
final class KernelObjectIds {
    private static final int PROG_GET_NEXT_ID = 11;
    private static final int MAP_GET_NEXT_ID = 12;
    private static final int LINK_GET_NEXT_ID = 31;
    private static final int ENOENT = 2;

    private KernelObjectIds() {}

    static Set<Integer> programs() {
        return ids(PROG_GET_NEXT_ID);
    }

    static Set<Integer> maps() {
        return ids(MAP_GET_NEXT_ID);
    }

    static Set<Integer> links() {
        return ids(LINK_GET_NEXT_ID);
    }

    private static Set<Integer> ids(int command) {
        Set<Integer> ids = new HashSet<>();
        try (Memory attr = new Memory(16)) {
            int id = 0;
            while (true) {
                attr.clear();
                attr.setInt(0, id); // start_id
                long result = LibC.syscall(LibC.SYS_BPF, command, Pointer.nativeValue(attr), 16);
                if (result < 0) {
                    int errno = Native.getLastError();
                    if (errno == ENOENT) {
                        return ids;
                    }
                    throw new AssertionError("bpf(" + command + ") failed with errno " + errno);
                }
                id = attr.getInt(4); // next_id
                ids.add(id);
            }
        }
    }
}
