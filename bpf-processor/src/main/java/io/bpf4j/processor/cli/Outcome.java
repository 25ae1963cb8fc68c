package io.bpf4j.processor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What generating one object's skeleton gave: its source, or the reasons it failed.
 *
 * @param object the object file as the user named it
 * @param className the skeleton's qualified name, e.g. {@code p.OpensnoopSkel}
 * @param source the generated source, empty when generation failed
 * @param errors one line per problem, each naming the reason, escaped for the terminal; empty on success
 * @param warnings one line per warning of the processor (a default it chose), escaped for the
 *     terminal, whether or not it succeeded
 */
record Outcome(Path object, String className, Optional<String> source, List<String> errors, List<String> warnings) {
    Outcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static Outcome generated(Path object, String className, String source, List<String> warnings) {
        return new Outcome(object, className, Optional.of(source), List.of(), warnings);
    }

    static Outcome failed(Path object, String className, List<String> errors) {
        return failed(object, className, errors, List.of());
    }

    static Outcome failed(Path object, String className, List<String> errors, List<String> warnings) {
        return new Outcome(object, className, Optional.empty(), errors, warnings);
    }

    boolean succeeded() {
        return errors.isEmpty() && source.isPresent();
    }
}
