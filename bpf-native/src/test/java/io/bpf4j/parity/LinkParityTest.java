package io.bpf4j.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.Kernel;
import io.bpf4j.test.BackendTest;

/** What links allow on the fake and on the real kernel. */
class LinkParityTest {
    private static String errno(Runnable action) {
        try {
            action.run();
        } catch (BpfException e) {
            return Errno.name(e.errno());
        }
        return "no error";
    }

    @BackendTest
    void aProgramAttachesToATracepointOnce(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            assertThat(errno(() -> fixture.object().program("ring_record").attach())).isEqualTo("EEXIST");
        }
    }

    @BackendTest
    void aTracepointLinkCannotSwapItsProgram(Kernel kernel) {
        try (ParityFixture fixture = ParityFixture.load(kernel)) {
            assertThat(errno(() -> fixture.link("ring_record").update(fixture.object().program("perf_sample"))))
                    .isEqualTo("EINVAL");
        }
    }
}
