package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerateOptionsTest {
    @Test
    void parsesEveryOption() throws UsageException {
        GenerateOptions options = GenerateOptions.parse("--package", "a.b", "--out", "src", "--resources", "res",
                "--event", "events=event", "--check", "x.bpf.o", "--", "--odd.bpf.o").orElseThrow();

        assertThat(options).isEqualTo(new GenerateOptions("a.b", Path.of("src"), Optional.of(Path.of("res")),
                Map.of("events", "event"), true, List.of(Path.of("x.bpf.o"), Path.of("--odd.bpf.o"))));
    }

    @Test
    void bindsRawRecordsOnlyWhenAsked() throws UsageException {
        GenerateOptions options = GenerateOptions.parse("--package", "p", "--out", "o", "--event", "events=:raw",
                "x.bpf.o").orElseThrow();

        assertThat(options.events()).containsExactly(Map.entry("events", GenerateOptions.RAW));
    }

    @Test
    void helpWinsOverEverythingElse() throws UsageException {
        assertThat(GenerateOptions.parse("--package", "p", "-h")).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p", "--out", "o"))
                .hasMessage("no object given: name at least one OBJECT.bpf.o");
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p.class", "--out", "o", "x.bpf.o"))
                .hasMessage("--package p.class is not a Java package name");
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p", "--out"))
                .hasMessage("--out needs a value (see --help)");
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p", "--out", "o", "--event", "events", "x.bpf.o"))
                .hasMessage("--event events is not MAP=STRUCT (two C identifiers) or MAP=:raw");
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p", "--out", "o", "--event", "e=raw:", "x.bpf.o"))
                .hasMessage("--event e=raw: is not MAP=STRUCT (two C identifiers) or MAP=:raw");
        assertThatThrownBy(() -> GenerateOptions.parse("--package", "p", "--out", "o", "--event", "e=a", "--event",
                "e=b", "x.bpf.o"))
                .hasMessage("--event binds map e twice (to a and b)");
    }
}
