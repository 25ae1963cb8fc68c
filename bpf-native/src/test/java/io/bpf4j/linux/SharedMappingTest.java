package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedMapping} over a plain file (any fd maps the same way as a BPF map's): revocation
 * stops the sharing but keeps the range usable, and the range is unmapped only when no buffer
 * derived from it is reachable — which relies on the JDK's derived direct buffers keeping their
 * root reachable (run this on each JDK bpf4j supports).
 */
class SharedMappingTest {
    private static final int O_RDWR = 2;

    @TempDir
    Path directory;
    private Path file;
    private int fd;
    private long pageSize;

    @BeforeEach
    void openFile() throws IOException {
        pageSize = LibC.pageSize();
        file = directory.resolve("shared");
        Files.write(file, new byte[(int) pageSize]);
        fd = LibC.open(file.toString(), O_RDWR);
        assertThat(fd).isNotNegative();
    }

    @AfterEach
    void closeFile() {
        LibC.close(fd);
    }

    @Test
    void aRevocationKeepingTheContentsLeavesTheLastValuesAndStopsTheSharing() throws IOException {
        SharedMapping mapping = SharedMapping.map("a test file", fd, 0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE);
        ByteBuffer buffer = mapping.buffer(0, 64, false);
        buffer.putLong(8, 0x1122_3344_5566_7788L);
        assertThat(fileLong(8)).as("shared before revocation").isEqualTo(0x1122_3344_5566_7788L);

        assertThat(mapping.revoke(true)).isTrue();

        assertThat(buffer.getLong(8)).isEqualTo(0x1122_3344_5566_7788L);
        buffer.putLong(8, 5); // writable memory stays writable: a write must not fault
        assertThat(buffer.getLong(8)).isEqualTo(5);
        assertThat(fileLong(8)).as("not shared after revocation").isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mappingsOf(file)).as("the file is no longer mapped").isZero();
    }

    @Test
    void aZeroingRevocationReadsZeros() throws IOException {
        SharedMapping mapping = SharedMapping.map("a test file", fd, 0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE);
        ByteBuffer buffer = mapping.buffer(0, 64, false);
        buffer.putLong(0, 42);

        assertThat(mapping.revoke(false)).isTrue();
        assertThat(mapping.revoke(true)).as("idempotent").isTrue();

        assertThat(buffer.getLong(0)).isZero();
        assertThat(fileLong(0)).isEqualTo(42);
        assertThat(mappingsOf(file)).isZero();
    }

    @Test
    void memoryMappedReadOnlyIsHandedOutReadOnlyAndStaysReadableWhenRevoked() throws IOException {
        ByteBuffer writer = SharedMapping.map("a test file", fd, 0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE)
                .buffer(0, 16, false);
        writer.putLong(0, 9);
        SharedMapping readOnly = SharedMapping.map("a test file", fd, 0, pageSize, LibC.PROT_READ);
        ByteBuffer buffer = readOnly.buffer(0, 16, false);

        assertThat(buffer.isReadOnly()).isTrue();
        assertThatThrownBy(() -> buffer.putLong(0, 1)).isInstanceOf(ReadOnlyBufferException.class);
        readOnly.revoke(true);
        assertThat(buffer.getLong(0)).isEqualTo(9);
    }

    @Test
    void theRangeStaysMappedWhileADerivedBufferIsReachableAndIsUnmappedOnceNoneIs() throws Exception {
        SharedMapping mapping = SharedMapping.map("a test file", fd, 0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE);
        ByteBuffer handedOut = mapping.buffer(0, 64, false);
        handedOut.putInt(4, 77);
        // What user code may do with a handed-out buffer: every one of these derives from the root.
        ByteBuffer derived = handedOut.slice(4, 8).asReadOnlyBuffer().duplicate().order(ByteOrder.nativeOrder());
        long address = Pointer.nativeValue(Native.getDirectBufferPointer(derived));
        mapping.revoke(true);
        WeakReference<SharedMapping> mappingGone = new WeakReference<>(mapping);
        mapping = null;
        handedOut = null;

        for (int i = 0; i < 5 && mappingGone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(mappingGone.get()).as("the mapping object itself is collectable").isNull();
        assertThat(isMapped(address)).as("mapped while a derived buffer is reachable").isTrue();
        assertThat(derived.getInt(0)).isEqualTo(77);

        derived = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (isMapped(address) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(isMapped(address)).as("unmapped once no buffer over it is reachable").isFalse();
    }

    private long fileLong(int offset) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder()).getLong(offset);
    }

    /** How many mappings of this process show {@code path}. */
    private static long mappingsOf(Path path) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(line -> line.endsWith(path.toString()))
                .count();
    }

    /** Whether any mapping of this process contains {@code address}. */
    private static boolean isMapped(long address) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
                return true;
            }
        }
        return false;
    }
}
