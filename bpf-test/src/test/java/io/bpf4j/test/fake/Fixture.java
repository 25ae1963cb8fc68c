package io.bpf4j.test.fake;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The compiled fake_fixture.bpf.o and small buffer helpers. */
final class Fixture {
    static final String NAME = "fake_fixture";

    private Fixture() {}

    static byte[] bytes() {
        try (InputStream in = Fixture.class.getResourceAsStream("/fake_fixture.bpf.o")) {
            if (in == null) {
                throw new IllegalStateException("fake_fixture.bpf.o is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens and loads the fixture in {@code kernel}; the caller closes the result. */
    static FakeObject load(FakeKernel kernel) {
        return (FakeObject) kernel.backend().openObject(NAME, bytes()).load();
    }

    static ByteBuffer u32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, (int) value);
    }

    static ByteBuffer u64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, value);
    }

    static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** An LPM key: prefix length, then an IPv4 address a.b.c.d in network order. */
    static ByteBuffer lpmKey(int prefixLength, int a, int b, int c, int d) {
        ByteBuffer key = buffer(8).putInt(0, prefixLength);
        key.put(4, (byte) a).put(5, (byte) b).put(6, (byte) c).put(7, (byte) d);
        return key;
    }
}
