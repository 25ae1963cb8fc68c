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
 * @param errors one line per problem, each naming the reason; empty on success
 */
record Outcome(Path object, String className, Optional<String> source, List<String> errors) {
    Outcome {
        errors = List.copyOf(errors);
    }

    static Outcome generated(Path object, String className, String source) {
        return new Outcome(object, className, Optional.of(source), List.of());
    }

    static Outcome failed(Path object, String className, List<String> errors) {
        return new Outcome(object, className, Optional.empty(), errors);
    }

    boolean succeeded() {
        return errors.isEmpty() && source.isPresent();
    }
}
