package io.bpf4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric option of every tool: a value out of range or not a decimal number is a usage error,
 * one line on stderr naming the option and status 2, before anything is loaded.
 */
class OptionsTest {
    private record Outcome(int status, String out, String err) {}

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // -d: at least a second, at most what System.nanoTime() arithmetic can count (292 years)
        "opensnoop, -d, 99999999999999999, --duration",
        "opensnoop, -d, 9223372037,        --duration",
        "opensnoop, -d, -5,                --duration",
        "opensnoop, -d, 0,                 --duration",
        "opensnoop, -d, 1.5,               --duration",
        "opensnoop, -d, 0x10,              --duration",
        "minimal,   -d, -5,                --duration",
        "minimal,   -d, 99999999999999999, --duration",
        // -p: a Linux pid is 1 to 4194304; the program's filter is a __u32, so 2^32 + n would trace n
        "opensnoop, -p, 0,                 --pid",
        "opensnoop, -p, -1,                --pid",
        "opensnoop, -p, 4194305,           --pid",
        "opensnoop, -p, 4294967297,        --pid",
        "opensnoop, -p, 18446744073709551617, --pid",
        "opensnoop, -p, 12ab,              --pid",
        "minimal,   -p, 4294967297,        --pid",
        "minimal,   -p, 0,                 --pid",
    })
    void aBadNumberIsAOneLineUsageError(String tool, String option, String value, String longName) {
        Outcome outcome = execute(tool, option, value);

        assertThat(outcome.status()).as("exit status; stderr: %s", outcome.err()).isEqualTo(2);
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith(tool + ": Invalid value for option '" + longName + "': ")
                .contains(value)
                .doesNotContain("Exception", "\tat ");
        assertThat(outcome.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"opensnoop", "minimal"})
    void anUnknownOptionIsAOneLineUsageErrorToo(String tool) {
        Outcome outcome = execute(tool, "--bogus");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().lines()).singleElement().asString()
                .isEqualTo(tool + ": Unknown option: '--bogus' (see --help)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"opensnoop", "minimal"})
    void controlCharactersInABadValueAreEscaped(String tool) {
        Outcome outcome = execute(tool, "-p", "1\u001b[2J\n2");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().lines()).singleElement().asString()
                .contains("1\\x1b[2J\\x0a2").doesNotContain("\u001b");
    }
}
