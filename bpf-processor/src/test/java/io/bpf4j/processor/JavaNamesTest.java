package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {
    @ParameterizedTest
    @CsvSource({
        "pid_target, pidTarget",
        "comm, comm",
        "__pad, pad",
        "MAX_LEN, maxLen",
        "minDuration, minDuration",
        "class, class_",
        "hashCode, hashCode_",
        "_1, _1",
        "__, unnamed",
    })
    void memberNames(String c, String java) {
        assertThat(JavaNames.memberName(c)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({"event, Event", "hist_key, HistKey", "conn_stats_t, ConnStatsT", "rodata.cfg, RodataCfg"})
    void typeNames(String c, String java) {
        assertThat(JavaNames.typeName(c)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({"trace_openat, TRACE_OPENAT", "handleExec, HANDLE_EXEC", "xdp, XDP"})
    void constantNames(String c, String java) {
        assertThat(JavaNames.constantName(c)).isEqualTo(java);
    }

    @Test
    void allocatorSuffixesTakenNames() {
        JavaNames.Allocator names = new JavaNames.Allocator();
        names.reserve("Maps");

        assertThat(names.allocate("Maps", "Struct")).isEqualTo("MapsStruct");
        assertThat(names.allocate("Maps", "Struct")).isEqualTo("MapsStruct2");
        assertThat(names.allocate("Event", "Struct")).isEqualTo("Event");
    }
}
