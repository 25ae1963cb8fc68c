package io.bpf4j.elf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the bytes of a BPF object file, judging the file before reading it whole: first its size
 * against {@link ElfFile#MAX_OBJECT_SIZE}, then its ELF header, from the first
 * {@value #HEADER_SIZE} bytes. A file that is too large, or is not a BPF object, is rejected after
 * reading at most its header, however large it is, so a mistyped path (a disk image, a core dump)
 * costs neither time nor memory. Messages say what is wrong, such as {@code 3221225472 bytes
 * (3 GiB), more than the 64 MiB (67108864 bytes) a BPF object may have}; the caller names the file.
 */
public final class ObjectBytes {
    /** The bytes read to judge a file before reading it whole: the ELF64 header. */
    public static final int HEADER_SIZE = ElfHeader.HEADER_SIZE;

    private ObjectBytes() {
    }

    /**
     * Checks {@code file}'s size and header without reading the rest of it.
     *
     * @throws ElfFormatException when the file is larger than {@link ElfFile#MAX_OBJECT_SIZE} or does
     *     not start with the header of a little-endian ELF64 BPF relocatable object
     * @throws IOException when the file cannot be opened or read
     */
    public static void check(Path file) throws IOException, ElfFormatException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            checkStart(channel);
        }
    }

    /**
     * The whole of {@code file}, after {@link #check(Path)}'s checks.
     *
     * @throws ElfFormatException when the file is too large or not a BPF object
     * @throws IOException when the file cannot be opened or read
     */
    public static byte[] read(Path file) throws IOException, ElfFormatException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = checkStart(channel);
            byte[] bytes = new byte[(int) size]; // at most MAX_OBJECT_SIZE: checked
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, buffer.position()) < 0) {
                    throw new IOException(file + ": the file shrank to " + buffer.position()
                            + " bytes while it was read (it had " + size + ")");
                }
            }
            return bytes;
        }
    }

    /**
     * The bytes of {@code in} up to its end, when they start with a BPF object's header and are
     * no more than {@link ElfFile#MAX_OBJECT_SIZE}: for objects that have no file of their own,
     * such as class-path resources in a jar. Stops reading as soon as either check fails.
     *
     * @throws ElfFormatException when the stream is too long or not a BPF object
     * @throws IOException when the stream fails
     */
    public static byte[] read(InputStream in) throws IOException, ElfFormatException {
        Objects.requireNonNull(in, "in");
        byte[] header = in.readNBytes(HEADER_SIZE);
        checkHeader(header, header.length);
        // One byte more than the limit tells "too large" from "exactly at the limit".
        byte[] rest = in.readNBytes((int) (ElfFile.MAX_OBJECT_SIZE - HEADER_SIZE + 1));
        if (HEADER_SIZE + (long) rest.length > ElfFile.MAX_OBJECT_SIZE) {
            throw new ElfFormatException("more than " + sizeLimit());
        }
        byte[] bytes = Arrays.copyOf(header, HEADER_SIZE + rest.length);
        System.arraycopy(rest, 0, bytes, HEADER_SIZE, rest.length);
        return bytes;
    }

    /**
     * Checks an object already in memory as {@link #check(Path)} checks a file: its length, then
     * its header.
     *
     * @throws ElfFormatException when the bytes are too many or not a BPF object
     */
    public static void check(byte[] bytes) throws ElfFormatException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > ElfFile.MAX_OBJECT_SIZE) {
            throw new ElfFormatException(bytes.length + " bytes (" + humanSize(bytes.length) + "), more than "
                    + sizeLimit());
        }
        checkHeader(bytes, Math.min(bytes.length, HEADER_SIZE));
    }

    /** Checks the size and the header of the open {@code file}; returns its size. */
    private static long checkStart(FileChannel channel) throws IOException, ElfFormatException {
        long size = channel.size();
        if (size > ElfFile.MAX_OBJECT_SIZE) {
            throw new ElfFormatException(size + " bytes (" + humanSize(size) + "), more than " + sizeLimit());
        }
        ByteBuffer header = ByteBuffer.allocate((int) Math.min(size, HEADER_SIZE));
        // A read may return fewer bytes than asked for: read until the header is complete.
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                break;
            }
        }
        checkHeader(header.array(), header.position());
        return size;
    }

    private static void checkHeader(byte[] header, int length) throws ElfFormatException {
        ElfHeader.checkIdentity(ByteBuffer.wrap(header, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private static String sizeLimit() {
        return "the " + humanSize(ElfFile.MAX_OBJECT_SIZE) + " (" + ElfFile.MAX_OBJECT_SIZE
                + " bytes) a BPF object may have";
    }

    /** {@code size} in the largest binary unit that keeps it at least 1, e.g. {@code 3.0 GiB}. */
    static String humanSize(long size) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = 0;
        double value = size;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return size + " bytes";
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d %s", (long) value, units[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
