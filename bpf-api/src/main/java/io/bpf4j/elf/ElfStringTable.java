package io.bpf4j.elf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A string table section: NUL-terminated strings addressed by their byte offset. Each offset is
 * decoded once, and the total decoded is capped at {@value #DECODE_BUDGET_FACTOR} times the table
 * size: names may overlap (a name can be the tail of another), and without the cap a hostile
 * table whose names all overlap one long string would cost memory quadratic in its size. Clang's
 * tables, shared by section and symbol names, decode to less than twice their size.
 */
final class ElfStringTable {
    private static final long DECODE_BUDGET_FACTOR = 4;
    private static final long DECODE_BUDGET_SLACK = 4096;

    private final ByteBuffer contents;
    private final String sectionName;
    private final Map<Long, String> decoded = new HashMap<>();
    private long budget;

    ElfStringTable(ByteBuffer contents, String sectionName) {
        this.contents = contents;
        this.sectionName = sectionName;
        this.budget = DECODE_BUDGET_FACTOR * contents.limit() + DECODE_BUDGET_SLACK;
    }

    /**
     * The string starting at {@code offset}.
     *
     * @param user what refers to the string, for the error message (e.g. "symbol 5")
     */
    String at(long offset, String user) throws ElfFormatException {
        if (offset >= 0 && offset < contents.limit() && contents.get((int) offset) == 0) {
            return ""; // the commonest name costs no decoding
        }
        String cached = decoded.get(offset);
        if (cached != null) {
            return cached;
        }
        String name = decode(offset, user);
        decoded.put(offset, name);
        return name;
    }

    private String decode(long offset, String user) throws ElfFormatException {
        int size = contents.limit();
        if (offset == 0 && size == 0) {
            return ""; // an empty table still names everything ""
        }
        if (offset < 0 || offset >= size) {
            throw new ElfFormatException(user + ": name offset " + offset + " is outside string table '"
                    + Printable.escape(sectionName) + "' (" + size + " bytes)");
        }
        int start = (int) offset;
        int end = start;
        while (end < size && contents.get(end) != 0) {
            end++;
        }
        if (end == size) {
            throw new ElfFormatException(user + ": name at offset " + offset + " of string table '"
                    + Printable.escape(sectionName) + "' is not NUL-terminated");
        }
        budget -= end - start;
        if (budget < 0) {
            throw new ElfFormatException(user + ": the names of string table '" + Printable.escape(sectionName)
                    + "' overlap far more than any compiler writes them");
        }
        byte[] bytes = new byte[end - start];
        contents.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
