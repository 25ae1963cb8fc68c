package io.bpf4j.examples.opensnoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpenEventFormatTest {
    private static final LocalTime TIME = LocalTime.of(9, 5, 7);
    /** Offsets of {@code char comm[16]} and {@code char filename[256]} in {@code struct event}. */
    private static final int COMM = 4;
    private static final int FILENAME = 20;

    private static OpensnoopSkel.Event.View view(OpensnoopSkel.Event event) {
        ByteBuffer buffer = ByteBuffer.allocate(OpensnoopSkel.Event.SIZE).order(ByteOrder.nativeOrder());
        OpensnoopSkel.Event.CODEC.encode(event, buffer, 0);
        return new OpensnoopSkel.Event.View().wrap(buffer, 0);
    }

    /** An event whose names are raw bytes, as the kernel copies them (NUL-terminated). */
    private static OpensnoopSkel.Event.View rawView(long pid, byte[] comm, byte[] filename) {
        ByteBuffer buffer = ByteBuffer.allocate(OpensnoopSkel.Event.SIZE).order(ByteOrder.nativeOrder());
        buffer.putInt(0, (int) pid);
        buffer.put(COMM, comm);
        buffer.put(FILENAME, filename);
        return new OpensnoopSkel.Event.View().wrap(buffer, 0);
    }

    @Test
    void headerAndRowLineUp() {
        String header = OpenEventFormat.header();
        String row = new OpenEventFormat().row(TIME, view(new OpensnoopSkel.Event(4242, "bash", "/etc/passwd")));
        assertThat(header).isEqualTo("TIME     PID     COMM             FILE");
        assertThat(row).isEqualTo("09:05:07 4242    bash             /etc/passwd");
        assertThat(row.indexOf("/etc")).isEqualTo(header.indexOf("FILE"));
    }

    @Test
    void printableUnicodeNamesAreShownAsTheyAre() {
        String row = new OpenEventFormat().row(TIME, view(new OpensnoopSkel.Event(7, "café", "/tmp/naïve é")));
        assertThat(row).isEqualTo("09:05:07 7       café             /tmp/naïve é");
    }

    @Test
    void newlinesEscapesAndInvalidUtf8AreEscapedFromTheRawBytes() {
        byte[] comm = "x\n\u001b[31m\u00ffy".getBytes(StandardCharsets.ISO_8859_1); // 0xff: not UTF-8
        byte[] filename = "/tmp/f\n09:05:07 1 init /etc/shadow\u001b]0;owned\u0007\\\u00fe".getBytes(
                StandardCharsets.ISO_8859_1);

        String row = new OpenEventFormat().row(TIME, rawView(66, comm, filename));

        assertThat(row).isEqualTo("09:05:07 66      x\\x0a\\x1b[31m\\xffy "
                + "/tmp/f\\x0a09:05:07 1 init /etc/shadow\\x1b]0;owned\\x07\\\\\\xfe");
        assertThat(row).doesNotContain("\n", "\u001b", "\u0007", "\ufffd");
    }

    @Test
    void emptyNamesGiveEmptyColumns() {
        // A failed bpf_probe_read_user_str leaves the file name empty; a kernel thread may have no comm.
        String row = new OpenEventFormat().row(TIME, rawView(3, new byte[0], new byte[0]));
        assertThat(row).isEqualTo("09:05:07 3                        ");
    }

    @Test
    void aViewIsReadAfreshForEachRow() {
        OpenEventFormat format = new OpenEventFormat();
        format.row(TIME, view(new OpensnoopSkel.Event(1, "a-long-command", "/a/very/long/path/name")));
        String row = format.row(TIME, view(new OpensnoopSkel.Event(2, "sh", "/b")));
        assertThat(row).isEqualTo("09:05:07 2       sh               /b");
    }
}
