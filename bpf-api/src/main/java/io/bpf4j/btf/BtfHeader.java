package io.bpf4j.btf;

import java.nio.ByteBuffer;

/**
 * The BTF header: where the type and string sections lie, as absolute offsets into the BTF blob,
 * checked to fit inside it.
 */
record BtfHeader(int typeStart, int typeLength, int stringStart, int stringLength) {
    private static final int MAGIC = 0xeb9f;
    private static final int SWAPPED_MAGIC = 0x9feb;
    private static final int MIN_HEADER_SIZE = 24;

    /** Reads and validates the header at the start of {@code blob} (little-endian, at position 0). */
    static BtfHeader read(ByteBuffer blob) throws BtfFormatException {
        int length = blob.limit();
        if (length < MIN_HEADER_SIZE) {
            throw new BtfFormatException("truncated BTF header: " + length + " bytes, need "
                    + MIN_HEADER_SIZE);
        }
        int magic = Short.toUnsignedInt(blob.getShort(0));
        if (magic == SWAPPED_MAGIC) {
            throw new BtfFormatException("big-endian BTF is not supported");
        }
        if (magic != MAGIC) {
            throw new BtfFormatException("bad BTF magic 0x" + Integer.toHexString(magic) + ", expected 0xeb9f");
        }
        int version = Byte.toUnsignedInt(blob.get(2));
        if (version != 1) {
            throw new BtfFormatException("unsupported BTF version " + version + ", expected 1");
        }
        long headerLength = Integer.toUnsignedLong(blob.getInt(4));
        if (headerLength < MIN_HEADER_SIZE || headerLength > length) {
            throw new BtfFormatException("BTF header length " + headerLength + " is not between "
                    + MIN_HEADER_SIZE + " and the blob size " + length);
        }
        // Section offsets are relative to the end of the header.
        long typeStart = headerLength + Integer.toUnsignedLong(blob.getInt(8));
        long typeLength = Integer.toUnsignedLong(blob.getInt(12));
        long stringStart = headerLength + Integer.toUnsignedLong(blob.getInt(16));
        long stringLength = Integer.toUnsignedLong(blob.getInt(20));
        checkFits("type", typeStart, typeLength, length);
        checkFits("string", stringStart, stringLength, length);
        return new BtfHeader((int) typeStart, (int) typeLength, (int) stringStart, (int) stringLength);
    }

    private static void checkFits(String section, long start, long sectionLength, int blobLength)
            throws BtfFormatException {
        if (start + sectionLength > blobLength) { // all operands are below 2^33: no overflow
            throw new BtfFormatException("BTF " + section + " section (offset " + start + ", length "
                    + sectionLength + ") extends past the end of the BTF data (" + blobLength + " bytes)");
        }
    }
}
