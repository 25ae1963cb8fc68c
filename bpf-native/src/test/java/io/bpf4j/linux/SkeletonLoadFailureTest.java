package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.spi.Backends;
import io.bpf4j.test.RequiresKernel;
import io.bpf4j.VerifierException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A verifier rejection as a user meets it: through a generated skeleton's {@code load()}. */
@RequiresKernel
class SkeletonLoadFailureTest {
    private final NativeKernel kernel = new NativeKernel();

    @Test
    void loadThrowsVerifierExceptionWithTheProgramAndTheVerifiersWordsAndLeaksNothing() throws IOException {
        long fdsBefore = openFileDescriptors();
        for (int i = 0; i < 20; i++) {
            try (BadDerefSkel.Open open = BadDerefSkel.open(Backends.kernel(kernel))) {
                assertThatThrownBy(open::load)
                        .isInstanceOfSatisfying(VerifierException.class,
                                e -> assertThat(e.program()).isEqualTo("unchecked_lookup"))
                        .hasMessageContaining("loading program 'unchecked_lookup' failed")
                        .hasMessageContaining("invalid mem access 'map_value_or_null'");
            }
        }
        assertThat(openFileDescriptors()).isEqualTo(fdsBefore);
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
