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
        "'', unnamed",
        "привет, unnamed",
        "a*/b, aB",
        "java, java_",
        "io, io_",
        "var, var_",
        "yield, yield_",
        "record, record_",
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

    @Test
    void allocatorNumbersManyClashesInOrder() {
        JavaNames.Allocator names = new JavaNames.Allocator();
        names.reserve("x_3");

        for (int i = 0; i < 3; i++) {
            names.allocate("x", "_");
        }
        assertThat(names.allocate("x", "_")).isEqualTo("x_4");
        assertThat(names.allocate("x", "_")).isEqualTo("x_5");
    }

    @Test
    void longNamesAreCutToAValidIdentifierThatStaysDistinct() {
        String a = JavaNames.typeName("a".repeat(70_000));
        String b = JavaNames.typeName("a".repeat(69_999) + "_b");

        assertThat(a).hasSize(JavaNames.MAX_LENGTH).startsWith("A" + "a".repeat(86) + "_").matches("[A-Za-z0-9_]+");
        assertThat(b).hasSize(JavaNames.MAX_LENGTH).isNotEqualTo(a);
        assertThat(JavaNames.typeName("a".repeat(70_000))).as("stable").isEqualTo(a);
        assertThat(JavaNames.memberName("x".repeat(JavaNames.MAX_LENGTH))).hasSize(JavaNames.MAX_LENGTH);
    }
}
