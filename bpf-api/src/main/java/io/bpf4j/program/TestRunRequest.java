package io.bpf4j.program;

import java.util.Objects;

/**
 * One {@code BPF_PROG_TEST_RUN}: the program runs in the kernel on {@code data} (a packet for XDP,
 * tc and socket programs) without traffic or attachment.
 *
 * @param data the input, e.g. an Ethernet frame; copied
 * @param dataOutCapacity room for the output packet, in bytes; 0 when it is not wanted
 * @param context the program's context ({@code struct xdp_md}, {@code struct __sk_buff}), or an
 *     empty array to let the kernel build it; copied
 * @param repeat how many times to run (0 and 1 both mean once); the duration is the average
 */
public record TestRunRequest(byte[] data, int dataOutCapacity, byte[] context, int repeat) {
    public TestRunRequest {
        data = Objects.requireNonNull(data, "data").clone();
        context = Objects.requireNonNull(context, "context").clone();
        if (dataOutCapacity < 0 || repeat < 0) {
            throw new IllegalArgumentException("dataOutCapacity and repeat must not be negative, not "
                    + dataOutCapacity + " and " + repeat);
        }
    }

    /** Runs once on {@code packet}, with room for an output as large as the input plus 256 bytes. */
    public static TestRunRequest ofPacket(byte[] packet) {
        return new TestRunRequest(packet, packet.length + 256, new byte[0], 1);
    }

    /** The same request, run {@code times} times. */
    public TestRunRequest repeated(int times) {
        return new TestRunRequest(data, dataOutCapacity, context, times);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] context() {
        return context.clone();
    }
}
