package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkeletonNamesTest {
    @ParameterizedTest
    @CsvSource({
        "opensnoop.bpf.o, Opensnoop",
        "tcp_connlat.bpf.o, TcpConnlat",
        "cpu-freq.o, CpuFreq",
        "biolatency_2.bpf.o, Biolatency2",
        "noSuffix, NoSuffix",
    })
    void namesTheTypeAfterTheObject(String file, String type) {
        assertThat(SkeletonNames.typeName(file)).contains(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st.bpf.o", "--.bpf.o", "_.bpf.o"})
    void refusesNamesNoJavaClassCanHave(String file) {
        assertThat(SkeletonNames.typeName(file)).isEmpty();
    }
}
