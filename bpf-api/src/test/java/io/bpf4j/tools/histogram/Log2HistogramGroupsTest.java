package io.bpf4j.tools.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Log2HistogramGroupsTest {
    /** An entry of a map keyed by (pid, slot), as BCC's per-process histograms store them. */
    private record Entry(int pid, int slot, long count) {
    }

    @Test
    void groupsEntriesBySectionInFirstSeenOrderAndPrintsThemAsBccDoes() {
        List<Entry> entries = List.of(new Entry(42, 1, 2), new Entry(7, 0, 4), new Entry(42, 2, 1));
        Map<Integer, Log2Histogram> perPid = Log2HistogramGroups.bySection(entries, Entry::pid, Entry::slot,
                Entry::count);
        assertThat(perPid).containsExactly(
                Map.entry(42, Log2Histogram.of(0, 2, 1)),
                Map.entry(7, Log2Histogram.of(4)));
        assertThat(HistogramFormatter.bcc().formatSections(perPid, "pid", String::valueOf, "usecs")).isEqualTo(
                "\npid = 42\n"
                + "     usecs               : count     distribution\n"
                + "         0 -> 1          : 0        |                                        |\n"
                + "         2 -> 3          : 2        |****************************************|\n"
                + "         4 -> 7          : 1        |********************                    |\n"
                + "\npid = 7\n"
                + "     usecs               : count     distribution\n"
                + "         0 -> 1          : 4        |****************************************|\n");
    }

    @Test
    void keysMappedToOneSectionShareAHistogram() {
        List<Entry> entries = List.of(new Entry(100, 3, 1), new Entry(101, 3, 2), new Entry(200, 0, 1));
        Map<String, Log2Histogram> perRange = Log2HistogramGroups.bySection(entries,
                entry -> entry.pid() < 200 ? "1xx" : "2xx", Entry::slot, Entry::count);
        assertThat(perRange.get("1xx")).isEqualTo(Log2Histogram.of(0, 0, 0, 3));
        assertThat(perRange.get("2xx")).isEqualTo(Log2Histogram.of(1));
    }
}
