package io.bpf4j.tools.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden output. The BCC strings were produced by BCC's table.py functions ({@code _print_log2_hist},
 * {@code _print_linear_hist}) on the same counts (shifted by one index, as BCC's bpf_log2l slots are),
 * the libbpf-tools strings by trace_helpers.c's {@code print_log2_hist} / {@code print_linear_hist}.
 */
class HistogramFormatterTest {
    private static final HistogramFormatter BCC = HistogramFormatter.bcc();
    private static final HistogramFormatter LIBBPF_TOOLS = HistogramFormatter.libbpfTools();

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void smallCountsKeepEmptyInnerBucketsAndScaleToTheMaximum() {
        assertThat(BCC.format(Log2Histogram.of(1, 0, 3, 12, 5), "usecs")).isEqualTo(lines(
                "     usecs               : count     distribution",
                "         0 -> 1          : 1        |***                                     |",
                "         2 -> 3          : 0        |                                        |",
                "         4 -> 7          : 3        |**********                              |",
                "         8 -> 15         : 12       |****************************************|",
                "        16 -> 31         : 5        |****************                        |"));
    }

    @Test
    void leadingEmptyBucketsArePrintedAndTrailingOnesTrimmed() {
        Log2Histogram histogram = Log2Histogram.of(0, 0, 0, 0, 7, 40, 13, 1, 0, 0, 0);
        assertThat(BCC.format(histogram, "msecs")).isEqualTo(lines(
                "     msecs               : count     distribution",
                "         0 -> 1          : 0        |                                        |",
                "         2 -> 3          : 0        |                                        |",
                "         4 -> 7          : 0        |                                        |",
                "         8 -> 15         : 0        |                                        |",
                "        16 -> 31         : 7        |*******                                 |",
                "        32 -> 63         : 40       |****************************************|",
                "        64 -> 127        : 13       |*************                           |",
                "       128 -> 255        : 1        |*                                       |"));
    }

    @Test
    void stripLeadingZerosStartsAtTheFirstNonEmptyBucket() {
        Log2Histogram histogram = Log2Histogram.of(0, 0, 0, 0, 7, 40, 13, 1);
        assertThat(BCC.stripLeadingZeros().format(histogram, "msecs")).isEqualTo(lines(
                "     msecs               : count     distribution",
                "        16 -> 31         : 7        |*******                                 |",
                "        32 -> 63         : 40       |****************************************|",
                "        64 -> 127        : 13       |*************                           |",
                "       128 -> 255        : 1        |*                                       |"));
    }

    @Test
    void bucketsBeyond32BitsWidenTheColumnsAndHalveTheBar() {
        long[] counts = new long[35];
        counts[33] = 3;
        counts[34] = 6;
        assertThat(BCC.stripLeadingZeros().format(Log2Histogram.of(counts), "usecs")).isEqualTo(lines(
                "               usecs                         : count     distribution",
                "          8589934592 -> 17179869183          : 3        |**********          |",
                "         17179869184 -> 34359738367          : 6        |********************|"));
    }

    @Test
    void theTopBucketsPrintUnsigned64BitBounds() {
        long[] counts = new long[64];
        counts[62] = 1;
        counts[63] = 2;
        assertThat(BCC.stripLeadingZeros().format(Log2Histogram.of(counts), "nsecs")).isEqualTo(lines(
                "               nsecs                         : count     distribution",
                " 4611686018427387904 -> 9223372036854775807  : 1        |**********          |",
                " 9223372036854775808 -> 18446744073709551615 : 2        |********************|"));
    }

    @Test
    void bccWidensAfterSlot31AndLibbpfToolsAfterSlot32() {
        long[] slot31 = new long[32];
        slot31[31] = 4;
        String narrow = BCC.stripLeadingZeros().format(Log2Histogram.of(slot31), "usecs");
        assertThat(narrow).isEqualTo(lines(
                "     usecs               : count     distribution",
                "2147483648 -> 4294967295 : 4        |****************************************|"));

        long[] slot32 = new long[33];
        slot32[32] = 4;
        assertThat(BCC.stripLeadingZeros().format(Log2Histogram.of(slot32), "usecs")).isEqualTo(lines(
                "               usecs                         : count     distribution",
                "          4294967296 -> 8589934591           : 4        |********************|"));
        assertThat(LIBBPF_TOOLS.stripLeadingZeros().format(Log2Histogram.of(slot32), "usecs")).isEqualTo(lines(
                "     usecs               : count    distribution",
                "4294967296 -> 8589934591 : 4        |****************************************|"));
    }

    @Test
    void countsBeyond32BitsWidenOnlyTheirOwnColumn() {
        assertThat(BCC.format(Log2Histogram.of(1_000_000_000_000L, 300_000_000_000L), "kbytes")).isEqualTo(lines(
                "     kbytes              : count     distribution",
                "         0 -> 1          : 1000000000000 |****************************************|",
                "         2 -> 3          : 300000000000 |************                            |"));
    }

    @Test
    void barsStayExactForCountsWhoseProductWithTheWidthOverflows() {
        String text = BCC.format(Log2Histogram.of(Long.MAX_VALUE, Long.MAX_VALUE / 2), "x");
        assertThat(text).contains("|" + "*".repeat(40) + "|", "|" + "*".repeat(19) + " ".repeat(21) + "|");
    }

    @Test
    void emptyHistogramsPrintNothing() {
        assertThat(BCC.format(Log2Histogram.of(new long[26]), "usecs")).isEmpty();
        assertThat(BCC.format(Log2Histogram.of(), "usecs")).isEmpty();
        assertThat(LIBBPF_TOOLS.format(LinearHistogram.of(0, 0), "ms")).isEmpty();
    }

    @Test
    void libbpfToolsHeaderHasOneSpaceLessBeforeDistribution() {
        assertThat(LIBBPF_TOOLS.format(Log2Histogram.ofUnsigned(1, 0, 3, 12, 5), "usecs")).isEqualTo(lines(
                "     usecs               : count    distribution",
                "         0 -> 1          : 1        |***                                     |",
                "         2 -> 3          : 0        |                                        |",
                "         4 -> 7          : 3        |**********                              |",
                "         8 -> 15         : 12       |****************************************|",
                "        16 -> 31         : 5        |****************                        |"));
    }

    @Test
    void bccLinearHistogramsPrintEveryBucketUpToTheLast() {
        LinearHistogram histogram = LinearHistogram.of(0, 3, 0, 9, 1, 0);
        assertThat(BCC.format(histogram, "ms")).isEqualTo(lines(
                "     ms            : count     distribution",
                "        0          : 0        |                                        |",
                "        1          : 3        |*************                           |",
                "        2          : 0        |                                        |",
                "        3          : 9        |****************************************|",
                "        4          : 1        |****                                    |"));
        assertThat(BCC.stripLeadingZeros().format(histogram, "ms")).isEqualTo(lines(
                "     ms            : count     distribution",
                "        1          : 3        |*************                           |",
                "        2          : 0        |                                        |",
                "        3          : 9        |****************************************|",
                "        4          : 1        |****                                    |"));
    }

    @Test
    void libbpfToolsLinearHistogramsPrintOnlyNonEmptyBucketsFromBaseAndStep() {
        LinearHistogram histogram = LinearHistogram.ofUnsigned(100, 10, 0, 3, 0, 9, 1, 0);
        assertThat(LIBBPF_TOOLS.format(histogram, "ms")).isEqualTo(lines(
                "     ms            : count     distribution",
                "        110        : 3        |*************                           |",
                "        130        : 9        |****************************************|",
                "        140        : 1        |****                                    |"));
    }

    @Test
    void sectionsPrintAnEmptyLineAndTheKeyBeforeEachHistogram() {
        Map<String, Log2Histogram> perCommand = new LinkedHashMap<>();
        perCommand.put("bash", Log2Histogram.of(0, 2, 1));
        perCommand.put("sshd", Log2Histogram.of(4));
        assertThat(BCC.formatSections(perCommand, "comm", String::valueOf, "usecs")).isEqualTo(lines(
                "",
                "comm = bash",
                "     usecs               : count     distribution",
                "         0 -> 1          : 0        |                                        |",
                "         2 -> 3          : 2        |****************************************|",
                "         4 -> 7          : 1        |********************                    |",
                "",
                "comm = sshd",
                "     usecs               : count     distribution",
                "         0 -> 1          : 4        |****************************************|"));
    }

    @Test
    void sectionLabelsComeFromTheLabelFunctionInMapOrder() {
        Map<Integer, Histogram> perPid = new TreeMap<>(Map.of(
                300, Log2Histogram.of(1),
                20, Log2Histogram.of(0, 1)));
        String text = BCC.stripLeadingZeros().formatSections(perPid, "pid", pid -> pid + " java", "msecs");
        assertThat(text).startsWith("\npid = 20 java\n     msecs ");
        assertThat(text).contains("\npid = 300 java\n     msecs ");
        assertThat(text.indexOf("pid = 20 ")).isLessThan(text.indexOf("pid = 300 "));
    }
}
