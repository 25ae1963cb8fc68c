package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.bpf4j.fuzz.HostileObjects;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever an object claims — counts, sizes, names, chains — reading it costs memory in
 * proportion to its size: each {@link HostileObjects} shape, the densest encoding of what the
 * readers hold per byte, is read while the thread's allocations are counted. Every byte the
 * readers allocate, kept or garbage, counts, so this bounds the heap a read needs from above.
 */
class BoundedParsingTest {
    /** Bytes allocated per byte read, at most; the worst shape measured allocates 24.4 (testing-notes.md). */
    private static final int ALLOCATED_PER_BYTE = 32;
    /** Fixed costs of one read, whatever the size: buffers, the digest, class initialisation. */
    private static final long CONSTANT = 4 << 20;
    private static final int SIZE = 2 << 20;

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(HostileObjects.Shape.class)
    @Timeout(30)
    void readingAHostileObjectAllocatesAFixedMultipleOfItsSize(HostileObjects.Shape shape) {
        byte[] object = HostileObjects.build(shape, SIZE);
        read(HostileObjects.base()); // the readers' classes are loaded before counting
        long before = threads.getCurrentThreadAllocatedBytes();
        String outcome = read(object);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated)
                .as("%s: %d bytes (%s) allocated %d bytes", shape, object.length, outcome, allocated)
                .isLessThanOrEqualTo(ALLOCATED_PER_BYTE * (long) object.length + CONSTANT);
    }

    private static String read(byte[] object) {
        try {
            ObjectSpec spec = ObjectSpec.read("hostile", object);
            return spec.btf().types().size() + " types, " + spec.maps().size() + " maps";
        } catch (SpecException e) {
            return "rejected: " + e.getMessage();
        }
    }
}
