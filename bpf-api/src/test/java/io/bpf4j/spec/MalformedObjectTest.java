package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.elf.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Truncated and corrupted objects end in the readers' checked exceptions, never in a runtime
 * exception, an error or a hang; whatever parses must also be safe to query.
 */
class MalformedObjectTest {
    private static final byte[] FIXTURE = Fixtures.read(Fixtures.FIXTURE);
    private static final int MUTATIONS = 4000;
    // Values that tend to break offset and size arithmetic.
    private static final int[] HOSTILE_WORDS = {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 12, 24};

    @Test
    @Timeout(20)
    void everyTruncationIsRejected() {
        for (int length = 0; length < FIXTURE.length; length++) {
            byte[] truncated = Arrays.copyOf(FIXTURE, length);
            String what = "truncated to " + length + " bytes";
            expectOnly(what, () -> ElfFile.parse(truncated));
            // The section header table ends the file, so every truncation loses part of it.
            Throwable thrown = expectOnly(what, () -> ObjectSpec.read("fixture", truncated));
            assertThat(thrown).as(what).isInstanceOf(SpecException.class);
        }
    }

    @Test
    @Timeout(20)
    void everyTruncationOfTheBtfSectionIsRejectedOrParsed() throws ElfFormatException {
        ByteBuffer btf = Fixtures.sectionBytes(Fixtures.FIXTURE, ".BTF");
        for (int length = 0; length < btf.limit(); length++) {
            ByteBuffer truncated = btf.slice(0, length);
            expectOnly("BTF truncated to " + length + " bytes", () -> queryAll(Btf.parse(truncated)));
        }
    }

    @Test
    @Timeout(20)
    void randomCorruptionsAreRejectedOrParsed() throws ElfFormatException {
        ElfFile elf = ElfFile.parse(FIXTURE);
        ElfSection btf = elf.section(".BTF").orElseThrow();
        ElfSection symtab = elf.section(".symtab").orElseThrow();
        long sectionHeaders = ByteBuffer.wrap(FIXTURE).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
        // Spread the damage over the places the readers interpret, not only over code and debug info.
        long[][] regions = {
            {0, FIXTURE.length},
            {0, 64},
            {sectionHeaders, FIXTURE.length},
            {btf.offset(), btf.offset() + btf.size()},
            {btf.offset(), btf.offset() + 24},
            {symtab.offset(), symtab.offset() + symtab.size()},
        };
        int parsed = 0;
        for (int iteration = 0; iteration < MUTATIONS; iteration++) {
            Random random = new Random(iteration);
            long[] region = regions[random.nextInt(regions.length)];
            byte[] corrupted = corrupt(random, region[0], region[1]);
            String what = "mutation " + iteration;
            Throwable thrown = expectOnly(what, () -> queryAll(ObjectSpec.read("fixture", corrupted)));
            parsed += thrown == null ? 1 : 0;
        }
        assertThat(parsed).as("some corruptions hit bytes no reader interprets").isPositive();
    }

    /** A copy of the fixture with a few bytes or words in {@code [from, to)} overwritten. */
    private static byte[] corrupt(Random random, long from, long to) {
        ByteBuffer copy = Fixtures.copy(FIXTURE);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            int at = (int) (from + random.nextInt((int) (to - from)));
            if (random.nextBoolean() && at + 4 <= copy.limit()) {
                copy.putInt(at & ~3, HOSTILE_WORDS[random.nextInt(HOSTILE_WORDS.length)]);
            } else {
                copy.put(at, (byte) random.nextInt(256));
            }
        }
        return copy.array();
    }

    /** Calls every query of a spec, so lazily reachable paths see the corrupted data too. */
    private static void queryAll(ObjectSpec spec) {
        queryAll(spec.btf());
        spec.maps().forEach(map -> spec.map(map.name()));
        spec.programs().forEach(program -> SectionName.parse(program.sectionName()));
    }

    private static void queryAll(Btf btf) {
        for (BtfType type : btf.types()) {
            try {
                btf.resolve(type.id());
                btf.sizeOf(type.id());
                btf.alignOf(type.id());
            } catch (IllegalArgumentException expected) {
                // documented for types without a size or alignment
            }
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action}; returns the checked exception it threw, or null, and fails on anything else. */
    private static Throwable expectOnly(String what, Action action) {
        try {
            action.run();
            return null;
        } catch (ElfFormatException | BtfFormatException | SpecException expected) {
            assertThat(expected.getMessage()).as(what).isNotBlank();
            return expected;
        } catch (Throwable unexpected) {
            return fail(what + ": unexpected " + unexpected, unexpected);
        }
    }
}
