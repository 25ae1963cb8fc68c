package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.btf.BtfType;
import io.bpf4j.btf.CHeaderWriter;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.fuzz.FuzzCampaign;
import io.bpf4j.fuzz.FuzzCorpus;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the ELF, BTF and object-spec readers: every mutation of every object the build wrote
 * (and of its raw {@code .BTF}) must end in the readers' checked exception, with a message that
 * is safe to print, or parse into a result that is safe to query and to write as a C header —
 * never anything else, never a hang. The default suite runs a few thousand mutations; the long run is
 * <pre>
 * mvn -B -o test -pl bpf-api -Dtest=ReaderFuzzTest -Dbpf4j.fuzz.iterations=250000 [-Dbpf4j.fuzz.seed=1]
 * </pre>
 * (see {@link FuzzCampaign} for the report and the kept findings).
 */
class ReaderFuzzTest {
    private static final int DEFAULT_ITERATIONS = 3000;
    private static final int BATCH = 1; // inputs take a millisecond: each gets its own watchdog

    @Test
    void mutatedObjectsEndInACheckedExceptionOrParse() throws Exception {
        List<FuzzCorpus.Input> corpus = FuzzCorpus.withBtf(FuzzCorpus.objects(FuzzCorpus.repositoryRoot()));
        assertThat(corpus).as("objects to mutate").isNotEmpty();
        FuzzCampaign campaign = FuzzCampaign.configured("readers", DEFAULT_ITERATIONS, BATCH);

        FuzzCampaign.Report report = campaign.run(corpus, batch -> {
            List<FuzzCampaign.Verdict> verdicts = new ArrayList<>();
            for (FuzzCampaign.Mutant mutant : batch) {
                verdicts.add(read(mutant));
            }
            return verdicts;
        });

        assertThat(report.findings()).as("inputs the readers mishandled").isEmpty();
    }

    /** Runs the readers that apply to the input; any exception but theirs escapes, as a finding. */
    private static FuzzCampaign.Verdict read(FuzzCampaign.Mutant mutant) {
        byte[] bytes = mutant.bytes();
        try {
            if (mutant.original().btfOnly()) {
                queryAll(Btf.parse(ByteBuffer.wrap(bytes)));
            } else {
                ElfFile.parse(bytes);
                queryAll(ObjectSpec.read(mutant.original().name(), bytes));
            }
            return FuzzCampaign.Verdict.of("parsed");
        } catch (ElfFormatException | BtfFormatException | SpecException expected) {
            String message = expected.getMessage();
            if (message == null || message.isBlank()) {
                return FuzzCampaign.Verdict.finding("a reader exception without a message: " + expected);
            }
            if (!printable(message)) {
                return FuzzCampaign.Verdict.finding("a message that is not safe to print: "
                        + Printable.escape(message));
            }
            return FuzzCampaign.Verdict.of("rejected");
        }
    }

    /** Every query a parsed result offers, so lazily computed paths see the damage too. */
    private static void queryAll(ObjectSpec spec) {
        queryAll(spec.btf());
        spec.maps().forEach(map -> spec.map(map.name()));
        spec.programs().forEach(program -> SectionName.parse(program.sectionName()));
        spec.dataSections().forEach(section -> spec.dataSection(section.name()));
    }

    private static void queryAll(Btf btf) {
        try {
            new CHeaderWriter(btf).header();
        } catch (IllegalArgumentException documented) {
            // Documented for BTF C cannot declare: it must explain itself, printably.
            assertThat(documented.getMessage()).isNotBlank().matches(ReaderFuzzTest::printable);
        }
        for (BtfType type : btf.types()) {
            btf.resolve(type.id());
            try {
                btf.sizeOf(type.id());
                btf.alignOf(type.id());
            } catch (IllegalArgumentException documented) {
                // Documented for types without a size or alignment: it must still explain itself.
                assertThat(documented.getMessage()).as("message for " + type.describe()).isNotBlank();
            }
        }
    }

    /** Whether {@code message} holds nothing a terminal would interpret (its backslashes are the readers'). */
    static boolean printable(String message) {
        return Printable.escape(message).equals(message.replace("\\", "\\\\"));
    }
}
