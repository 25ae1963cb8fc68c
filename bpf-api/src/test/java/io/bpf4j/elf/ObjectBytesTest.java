package io.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file is judged by its size and its first 64 bytes before it is read whole. The large files
 * are sparse ({@link RandomAccessFile#setLength}), so they cost no disk: reading one whole would
 * take seconds and gigabytes, which is what these tests show does not happen.
 */
class ObjectBytesTest {
    private static final byte[] FIXTURE = Fixtures.read(Fixtures.FIXTURE);
    private static final long THREE_GIB = 3L << 30;
    private static final long ONE_AND_A_HALF_GB = 1_500_000_000L;

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void readsAnObjectWhole() throws Exception {
        Path file = Files.write(dir.resolve("fixture.bpf.o"), FIXTURE);
        assertThat(ObjectBytes.read(file)).isEqualTo(FIXTURE);
        ObjectBytes.check(file);
        assertThat(ObjectBytes.read(new ByteArrayInputStream(FIXTURE))).isEqualTo(FIXTURE);
    }

    @Test
    void rejectsAFileOverTheLimitNamingItsSizeAndTheLimitWithoutReadingIt() throws Exception {
        // A valid BPF header, then 3 GiB of holes: only the size can tell it is not an object.
        Path file = sparse("huge.bpf.o", THREE_GIB, Arrays.copyOf(FIXTURE, 64));
        String expected = "3221225472 bytes (3 GiB), more than the 64 MiB (67108864 bytes) a BPF object may have";
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> ObjectBytes.read(file)).isInstanceOf(ElfFormatException.class).hasMessage(expected);
        assertThatThrownBy(() -> ObjectBytes.check(file)).isInstanceOf(ElfFormatException.class).hasMessage(expected);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(1 << 20);
    }

    @Test
    void rejectsAFileThatIsNoObjectAfterReadingItsHeader() throws Exception {
        // Zeros after a shell script's first line: 1.5 GB, over the limit, and 60 MiB, under it.
        Path huge = sparse("huge-script.bpf.o", ONE_AND_A_HALF_GB, "#!/bin/sh\n".getBytes());
        Path script = sparse("script.bpf.o", 60L << 20, "#!/bin/sh\n".getBytes());
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> ObjectBytes.read(huge)).isInstanceOf(ElfFormatException.class)
                .hasMessage("1500000000 bytes (1.4 GiB), more than the 64 MiB (67108864 bytes) a BPF object may have");
        assertThatThrownBy(() -> ObjectBytes.read(script)).isInstanceOf(ElfFormatException.class)
                .hasMessage("not an ELF file: the first 4 bytes are not \\x7fELF");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(1 << 20);

        byte[] x86 = Arrays.copyOf(FIXTURE, 64);
        x86[18] = 62; // e_machine x86-64
        x86[19] = 0;
        Path nativeObject = sparse("native.o", ONE_AND_A_HALF_GB / 32, x86);
        assertThatThrownBy(() -> ObjectBytes.read(nativeObject)).isInstanceOf(ElfFormatException.class)
                .hasMessage("not an eBPF object: e_machine is 62 (x86-64), expected 247 (BPF)");
        Path truncated = Files.write(dir.resolve("truncated.bpf.o"), Arrays.copyOf(FIXTURE, 40));
        assertThatThrownBy(() -> ObjectBytes.check(truncated)).isInstanceOf(ElfFormatException.class)
                .hasMessage("truncated ELF header: the file has 40 bytes, an ELF64 header needs 64");
    }

    @Test
    void readsAStreamNoFurtherThanItsHeaderOrTheLimit() {
        CountingStream zeros = new CountingStream(new ZeroStream(ONE_AND_A_HALF_GB));
        assertThatThrownBy(() -> ObjectBytes.read(zeros)).isInstanceOf(ElfFormatException.class)
                .hasMessage("not an ELF file: the first 4 bytes are not \\x7fELF");
        assertThat(zeros.read).isEqualTo(ObjectBytes.HEADER_SIZE);

        byte[] header = Arrays.copyOf(FIXTURE, 64);
        CountingStream huge = new CountingStream(new java.io.SequenceInputStream(new ByteArrayInputStream(header),
                new ZeroStream(ONE_AND_A_HALF_GB)));
        assertThatThrownBy(() -> ObjectBytes.read(huge)).isInstanceOf(ElfFormatException.class)
                .hasMessage("more than the 64 MiB (67108864 bytes) a BPF object may have");
        assertThat(huge.read).isEqualTo(ElfFile.MAX_OBJECT_SIZE + 1);
    }

    @Test
    void checksBytesInMemoryAsAFileBySizeThenHeader() throws Exception {
        ObjectBytes.check(FIXTURE);
        byte[] tooMany = Arrays.copyOf(FIXTURE, (int) ElfFile.MAX_OBJECT_SIZE + 1);
        assertThatThrownBy(() -> ObjectBytes.check(tooMany)).isInstanceOf(ElfFormatException.class)
                .hasMessage("67108865 bytes (64.0 MiB), more than the 64 MiB (67108864 bytes) a BPF object may have");
        assertThatThrownBy(() -> ObjectBytes.check("#!/bin/sh\n".getBytes())).isInstanceOf(ElfFormatException.class)
                .hasMessage("not an ELF file: the first 4 bytes are not \\x7fELF");
        byte[] x86 = FIXTURE.clone();
        x86[18] = 62; // e_machine x86-64
        x86[19] = 0;
        assertThatThrownBy(() -> ObjectBytes.check(x86)).isInstanceOf(ElfFormatException.class)
                .hasMessage("not an eBPF object: e_machine is 62 (x86-64), expected 247 (BPF)");
        assertThatThrownBy(() -> ObjectBytes.check(Arrays.copyOf(FIXTURE, 40))).isInstanceOf(ElfFormatException.class)
                .hasMessage("truncated ELF header: the file has 40 bytes, an ELF64 header needs 64");
    }

    @Test
    void parseRejectsMoreBytesThanTheLimit() {
        byte[] tooMany = Arrays.copyOf(FIXTURE, (int) ElfFile.MAX_OBJECT_SIZE + 1);
        assertThatThrownBy(() -> ElfFile.parse(tooMany)).isInstanceOf(ElfFormatException.class)
                .hasMessage("the object has 67108865 bytes, more than the 64 MiB a BPF object may have");
    }

    @Test
    void namesSizesInBinaryUnits() {
        assertThat(ObjectBytes.humanSize(999)).isEqualTo("999 bytes");
        assertThat(ObjectBytes.humanSize(1536)).isEqualTo("1.5 KiB");
        assertThat(ObjectBytes.humanSize(64L << 20)).isEqualTo("64 MiB");
        assertThat(ObjectBytes.humanSize(ONE_AND_A_HALF_GB)).isEqualTo("1.4 GiB");
    }

    /** A file of {@code length} bytes that starts with {@code start} and is holes after it. */
    private Path sparse(String name, long length, byte[] start) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start);
            out.setLength(length);
        }
        return file;
    }

    /** {@code length} zero bytes, made as they are read. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    /** Counts the bytes taken from the stream it wraps. */
    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
