package io.bpf4j.parity;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.bpf4j.Kernel;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.program.BpfLink;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.fake.FakeLoadedObject;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * parity.bpf.o loaded on either kernel through the object layer, and the programs' triggers: on the
 * real kernel the calling thread makes the system calls the programs trace; on the fake the test
 * plays the programs, writing what they would write (including their {@code .bss} counters).
 */
final class ParityFixture implements AutoCloseable {
    static final String NAME = "parity";
    /** The ring record's size: a u64 sequence number and 48 bytes of padding. */
    static final int RECORD_SIZE = 56;

    private static final byte[] OBJECT = read();
    private static final ObjectSpec SPEC = spec();

    /** The C library calls that fire the fixture's tracepoints; glibc makes them real system calls. */
    interface CLib extends Library {
        int getpid();

        int getppid();

        int gettid();

        int sched_getaffinity(int pid, long cpuSetSize, long[] mask);

        int sched_setaffinity(int pid, long cpuSetSize, long[] mask);
    }

    /** A {@code cpu_set_t}: 1024 bits. */
    private static final int CPU_SET_LONGS = 16;

    private final Kernel kernel;
    private final BpfObject object;
    private final Map<String, BpfLink> links = new HashMap<>();
    private CLib libc;

    private ParityFixture(Kernel kernel, BpfObject object) {
        this.kernel = kernel;
        this.object = object;
    }

    /** Loads and attaches the fixture with the calling thread as the traced one. */
    static ParityFixture load(Kernel kernel) {
        boolean real = !(kernel instanceof FakeKernel);
        CLib libc = real ? Native.load("c", CLib.class) : null;
        try (OpenBpfObject open = kernel.openBytes(NAME, OBJECT)) {
            open.rodata().setLong("tid_target", real ? libc.gettid() : 1);
            ParityFixture fixture = new ParityFixture(kernel, open.load());
            fixture.libc = libc;
            try {
                // Links are released with the object.
                fixture.links.put("ring_record", fixture.object.program("ring_record").attach());
                fixture.links.put("perf_sample", fixture.object.program("perf_sample").attach());
            } catch (RuntimeException e) {
                fixture.close();
                throw e;
            }
            return fixture;
        }
    }

    BpfObject object() {
        return object;
    }

    /** The fixture's ELF bytes, for tests that open it themselves. */
    static byte[] bytes() {
        return OBJECT.clone();
    }

    Kernel kernel() {
        return kernel;
    }

    /** The link that attached {@code program} at load. */
    BpfLink link(String program) {
        return links.get(program);
    }

    /** Runs the ring-buffer program {@code times} times. */
    void produceRecords(int times) {
        for (int i = 0; i < times; i++) {
            if (kernel instanceof FakeKernel fakeKernel) {
                FakeLoadedObject fake = fakeKernel.object(NAME);
                ByteBuffer bss = fake.data(".bss");
                ByteBuffer record = ByteBuffer.allocate(RECORD_SIZE).order(ByteOrder.nativeOrder());
                record.putLong(0, bss.getLong(offset(".bss", "seq")));
                if (fake.ring("events").push(record.array())) {
                    increment(bss, "seq");
                } else {
                    increment(bss, "drops");
                }
            } else {
                libc.getpid();
            }
        }
    }

    /**
     * Runs the perf-buffer program {@code times} times on CPU 0 (on the real kernel the calling
     * thread is pinned there meanwhile), so every sample lands in one CPU's ring.
     */
    void produceSamples(int times) {
        if (kernel instanceof FakeKernel fakeKernel) {
            FakeLoadedObject fake = fakeKernel.object(NAME);
            for (int i = 0; i < times; i++) {
                ByteBuffer bss = fake.data(".bss");
                ByteBuffer sample = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
                sample.putLong(0, bss.getLong(offset(".bss", "seq")));
                increment(bss, "seq");
                fake.perf("samples").output(0, sample.array());
            }
            return;
        }
        long[] previous = new long[CPU_SET_LONGS];
        check(libc.sched_getaffinity(0, 8L * CPU_SET_LONGS, previous), "sched_getaffinity");
        long[] cpu0 = new long[CPU_SET_LONGS];
        cpu0[0] = 1;
        check(libc.sched_setaffinity(0, 8L * CPU_SET_LONGS, cpu0), "sched_setaffinity to CPU 0");
        try {
            for (int i = 0; i < times; i++) {
                libc.getppid();
            }
        } finally {
            check(libc.sched_setaffinity(0, 8L * CPU_SET_LONGS, previous), "restoring the CPU affinity");
        }
    }

    private static void check(int result, String call) {
        if (result != 0) {
            throw new IllegalStateException(call + " failed: errno " + Native.getLastError());
        }
    }

    /** A {@code .bss} counter of the programs. */
    long counter(String variable) {
        return object.bss().getLong(variable);
    }

    private static void increment(ByteBuffer bss, String variable) {
        int at = offset(".bss", variable);
        bss.putLong(at, bss.getLong(at) + 1);
    }

    private static int offset(String section, String variable) {
        return SPEC.dataSection(section).orElseThrow().variable(variable).orElseThrow().offset();
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

    private static ObjectSpec spec() {
        try {
            return ObjectSpec.read(NAME, OBJECT);
        } catch (SpecException e) {
            throw new IllegalStateException("parity.bpf.o cannot be read", e);
        }
    }

    private static byte[] read() {
        try (InputStream in = ParityFixture.class.getResourceAsStream("/parity.bpf.o")) {
            if (in == null) {
                throw new IllegalStateException("parity.bpf.o is not on the test class path: the build compiles src/test/bpf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        object.close();
    }
}
