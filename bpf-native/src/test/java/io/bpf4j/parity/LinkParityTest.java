package io.bpf4j.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.spi.KernelBackend;
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
    void aProgramAttachesToATracepointOnce(KernelBackend backend) {
        try (ParityFixture fixture = ParityFixture.load(backend)) {
            assertThat(errno(() -> fixture.object().attach("ring_record"))).isEqualTo("EEXIST");
        }
    }

    @BackendTest
    void aTracepointLinkCannotSwapItsProgram(KernelBackend backend) {
        try (ParityFixture fixture = ParityFixture.load(backend)) {
            assertThat(errno(() -> fixture.link("ring_record").update("perf_sample"))).isEqualTo("EINVAL");
        }
    }
}
