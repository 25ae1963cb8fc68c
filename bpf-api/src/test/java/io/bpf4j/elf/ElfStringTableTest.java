package io.bpf4j.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** String tables decode NUL-terminated names, including tails of other names, within bounds. */
class ElfStringTableTest {

    @Test
    void decodesNamesAndTheirTails() throws ElfFormatException {
        ElfStringTable table = table("\0.rel.text\0.maps\0");
        assertThat(table.at(0, "s")).isEmpty();
        assertThat(table.at(1, "s")).isEqualTo(".rel.text");
        assertThat(table.at(5, "s")).isEqualTo(".text");
        assertThat(table.at(11, "s")).isEqualTo(".maps");
        assertThat(table.at(5, "s")).isSameAs(table.at(5, "s"));
    }

    @Test
    void rejectsOffsetsOutsideAndUnterminatedNames() {
        assertThatThrownBy(() -> table("\0abc").at(1, "symbol 3"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("symbol 3: name at offset 1 of string table 'test' is not NUL-terminated");
        assertThatThrownBy(() -> table("\0abc\0").at(5, "symbol 4"))
                .hasMessage("symbol 4: name offset 5 is outside string table 'test' (5 bytes)");
        assertThatThrownBy(() -> table("\0abc\0").at(-1, "symbol 5"))
                .hasMessageContaining("name offset -1 is outside");
    }

    @Test
    void boundsTheMemorySpentOnOverlappingNames() {
        char[] letters = new char[100_000];
        Arrays.fill(letters, 'a');
        ElfStringTable table = table(new String(letters) + "\0");
        // Every offset names a different tail of one long string: quadratic without a bound.
        assertThatThrownBy(() -> {
            for (int offset = 0; offset < letters.length; offset++) {
                table.at(offset, "symbol " + offset);
            }
        }).isInstanceOf(ElfFormatException.class).hasMessageContaining("overlap far more than any compiler");
    }

    private static ElfStringTable table(String contents) {
        return new ElfStringTable(ByteBuffer.wrap(contents.getBytes(StandardCharsets.US_ASCII)), "test");
    }
}
