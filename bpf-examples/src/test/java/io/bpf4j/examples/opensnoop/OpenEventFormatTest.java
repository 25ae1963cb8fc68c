package io.bpf4j.examples.opensnoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpenEventFormatTest {
    @Test
    void headerAndRowLineUp() {
        String header = OpenEventFormat.header();
        String row = OpenEventFormat.row(LocalTime.of(9, 5, 7), new OpensnoopSkel.Event(4242, "bash", "/etc/passwd"));
        assertThat(header).isEqualTo("TIME     PID     COMM             FILE");
        assertThat(row).isEqualTo("09:05:07 4242    bash             /etc/passwd");
        assertThat(row.indexOf("/etc")).isEqualTo(header.indexOf("FILE"));
    }
}
