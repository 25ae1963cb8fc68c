package io.bpf4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void keepsPrintableTextAsItIs() {
        assertThat(Printable.escape("/etc/passwd größe 日本")).isEqualTo("/etc/passwd größe 日本");
        assertThat(Printable.isClean("bash")).isTrue();
    }

    @Test
    void escapesNewlinesAndTerminalEscapes() {
        assertThat(Printable.escape("a\nb\r\tc")).isEqualTo("a\\x0ab\\x0d\\x09c");
        assertThat(Printable.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\x1b[31mred\\x1b[0m");
        assertThat(Printable.escape("x\u007fy\u009bz")).isEqualTo("x\\x7fy\\x9bz");
    }

    @Test
    void escapesTheBackslashSoEveryEscapeIsUnambiguous() {
        assertThat(Printable.escape("C:\\x1b")).isEqualTo("C:\\\\x1b");
        assertThat(Printable.isClean("a\\b")).isFalse();
    }

    @Test
    void escapesInvisibleUnicode() {
        // A right-to-left override can make a row read differently from what it holds.
        assertThat(Printable.escape("evil\u202Etxt.exe")).isEqualTo("evil\\u{202E}txt.exe");
        assertThat(Printable.escape("a\u2028b\u200Bc")).isEqualTo("a\\u{2028}b\\u{200B}c");
        assertThat(Printable.escape("lone\uD800")).isEqualTo("lone\\u{D800}");
    }

    @Test
    void escapesBytesThatAreNotUtf8() {
        byte[] bytes = {'o', 'k', (byte) 0xff, 'x', (byte) 0xc3, (byte) 0xa4, 0x1b, (byte) 0xe2, (byte) 0x82};
        assertThat(Printable.escapeUtf8(bytes)).isEqualTo("ok\\xffxä\\x1b\\xe2\\x82");
        assertThat(Printable.escapeUtf8("plain".getBytes(StandardCharsets.UTF_8), 1, 3)).isEqualTo("lai");
        assertThat(Printable.escapeUtf8(new byte[0])).isEmpty();
        assertThat(Printable.escapeUtf8("plain".getBytes(StandardCharsets.UTF_8), 2, 0)).isEmpty();
    }

    @Test
    void anEscapedTextHoldsPrintableCharactersOnly() {
        String nasty = "\u0000\u0001\n\u001b]0;title\u0007\\\u202E\u0085\uFFFF";
        String escaped = Printable.escape(nasty);
        assertThat(Printable.isClean(escaped.replace("\\", ""))).isTrue();
        assertThat(Printable.escape(escaped.replace("\\", ""))).isEqualTo(escaped.replace("\\", ""));
        assertThat(Printable.escape(nasty)).doesNotContain("\n", "\u001b", "\u0007", "\u202E");
    }
}
