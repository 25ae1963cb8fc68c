package io.bpf4j.btf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The BTF string section: NUL-terminated names addressed by byte offset; offset 0 is "". Each
 * offset is decoded once, and the total decoded is capped at {@value #DECODE_BUDGET_FACTOR} times
 * the section size: names may overlap, and without the cap a hostile section whose names all
 * overlap one long string would cost memory quadratic in its size. Clang's and pahole's sections
 * decode to less than their size (the running kernel's to 0.95 times).
 */
final class BtfStrings {
    private static final long DECODE_BUDGET_FACTOR = 4;
    private static final long DECODE_BUDGET_SLACK = 4096;

    private final ByteBuffer strings;
    // Decoded names by offset: at most 4 bytes per byte of the section, and no boxing per name.
    private final String[] decoded;
    private long budget;

    BtfStrings(ByteBuffer strings) {
        this.strings = strings;
        this.decoded = new String[strings.limit()];
        this.budget = DECODE_BUDGET_FACTOR * strings.limit() + DECODE_BUDGET_SLACK;
    }

    /**
     * The name at {@code offset} (an unsigned 32-bit value).
     *
     * @param typeId the type that refers to it, for the error message
     */
    String at(int offset, int typeId) throws BtfFormatException {
        if (offset == 0 || offset > 0 && offset < strings.limit() && strings.get(offset) == 0) {
            return ""; // the commonest name costs no decoding
        }
        String name = offset > 0 && offset < decoded.length ? decoded[offset] : null;
        if (name == null) {
            name = decode(offset, typeId); // checks the offset
            decoded[offset] = name;
        }
        return name;
    }

    private String decode(int offset, int typeId) throws BtfFormatException {
        int size = strings.limit();
        if (offset < 0 || offset >= size) {
            throw new BtfFormatException("type [" + typeId + "]: name offset " + Integer.toUnsignedString(offset)
                    + " is outside the string section (" + size + " bytes)");
        }
        int end = offset;
        while (end < size && strings.get(end) != 0) {
            end++;
        }
        if (end == size) {
            throw new BtfFormatException("type [" + typeId + "]: name at offset " + offset
                    + " is not NUL-terminated");
        }
        budget -= end - offset;
        if (budget < 0) {
            throw new BtfFormatException("type [" + typeId + "]: the names of the string section overlap"
                    + " far more than any compiler writes them");
        }
        byte[] bytes = new byte[end - offset];
        strings.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
