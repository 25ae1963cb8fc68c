package io.bpf4j.program;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What the kernel says about a loaded program ({@code BPF_OBJ_GET_INFO_BY_FD}).
 *
 * @param id the kernel-wide program id (as {@code bpftool prog show} lists it)
 * @param tag the 8-byte hash of the program's instructions, in hex as bpftool prints it
 * @param name the (truncated to 15 bytes) name the kernel keeps
 * @param runCount how often it ran while run statistics were enabled
 * @param runTimeNanos the time it ran while run statistics were enabled
 * @see io.bpf4j.object.BpfObject#enableRunStatistics()
 */
public record ProgramInfo(int id, String tag, String name, long runCount, long runTimeNanos) {
    public ProgramInfo {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
    }

    /** The tag as bpftool prints it from the kernel's 8 bytes. */
    public static String tagOf(byte[] tag) {
        return HexFormat.of().formatHex(tag);
    }
}
