package io.bpf4j.processor;

import com.palantir.javapoet.JavaFile;
import java.util.List;

/**
 * What generating one skeleton gave: its source, and the warnings to report on the annotated
 * type (defaults the generator chose, such as a ring buffer nothing binds generated raw).
 *
 * @param file the skeleton's source file
 * @param warnings one message each, not yet escaped for the terminal
 */
record GeneratedSkeleton(JavaFile file, List<String> warnings) {
    GeneratedSkeleton {
        warnings = List.copyOf(warnings);
    }
}
