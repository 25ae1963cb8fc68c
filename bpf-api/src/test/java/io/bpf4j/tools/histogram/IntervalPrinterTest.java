package io.bpf4j.tools.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntervalPrinterTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void printsAnEmptyLineAndTheTimeBeforeEachInterval() {
        StringBuilder out = new StringBuilder();
        IntervalPrinter printer = new IntervalPrinter(out, FIXED, true);
        printer.print(HistogramFormatter.bcc().format(Log2Histogram.of(1), "usecs"));
        printer.print("");
        assertThat(out.toString()).isEqualTo("\n03:04:05\n"
                + "     usecs               : count     distribution\n"
                + "         0 -> 1          : 1        |****************************************|\n"
                + "\n03:04:05\n");
    }

    @Test
    void withoutTimestampsOnlyTheEmptyLineSeparatesIntervals() {
        StringBuilder out = new StringBuilder();
        new IntervalPrinter(out, FIXED, false).print("x\n");
        assertThat(out.toString()).isEqualTo("\nx\n");
    }
}
