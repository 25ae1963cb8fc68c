package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pin root chosen in the Open phase ({@code OpenSkeleton.pinRoot}, {@code OpenBpfObject.pinRoot}): a map declared
 * {@code LIBBPF_PIN_BY_NAME} is pinned under it at load, found there again by the next load, and
 * outlives both objects; a map without {@code pinning} is not pinned.
 */
@RequiresKernel
class PinRootTest {
    private final NativeKernel kernel = new NativeKernel();
    private BpfFsDirectory bpffs;
    private Path root;

    @BeforeEach
    void makeRoot() throws IOException {
        bpffs = BpfFsDirectory.open();
        root = Files.createDirectory(bpffs.newPath("pin-root"));
    }

    @AfterEach
    void removeRoot() throws IOException {
        try (var pins = Files.list(root)) {
            for (Path pin : pins.toList()) {
                Files.delete(pin);
            }
        }
        Files.delete(root);
        bpffs.close();
    }

    @Test
    void mapsPinnedByNameArePinnedUnderTheRootSharedByTheNextLoadAndOutliveTheObjects() throws IOException {
        Path pin = root.resolve("shared_counts");
        try (PinFixtureSkel.Open open = PinFixtureSkel.open(Backends.kernel(kernel))) {
            open.pinRoot(root);
            try (PinFixtureSkel first = open.load()) {
                assertThat(pin).exists();
                assertThat(root.resolve("private_slot")).as("not declared with pinning").doesNotExist();
                first.maps().sharedCounts().put(7L, 700L);
            }
        }
        assertThat(pin).as("the pin outlives the object").exists();

        try (PinFixtureSkel.Open open = PinFixtureSkel.open(Backends.kernel(kernel))) {
            open.object().pinRoot(root.resolve("."));  // another spelling of the same directory
            try (PinFixtureSkel second = open.load()) {
                assertThat(second.maps().sharedCounts().get(7L)).as("the map found at the pin").contains(700L);
                second.maps().sharedCounts().put(8L, 800L);
            }
        }
        try (OwnedMapHandle pinned = kernel.openPinnedMap(pin.toString())) {
            ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
            assertThat(pinned.lookup(Fixtures.u32(8), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(800L);
        }
    }

    @Test
    void anOpenPhaseClosedWithoutLoadingPinsNothing() throws IOException {
        try (PinFixtureSkel.Open open = PinFixtureSkel.open(Backends.kernel(kernel))) {
            open.pinRoot(root);
        }
        try (var pins = Files.list(root)) {
            assertThat(pins.toList()).isEmpty();
        }
    }

    @Test
    void theRootMustBeAbsoluteAndSetBeforeLoad() {
        try (PinFixtureSkel.Open open = PinFixtureSkel.open(Backends.kernel(kernel))) {
            assertThatThrownBy(() -> open.pinRoot(Path.of("relative/dir")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("absolute");
            open.pinRoot(root);
            open.load().close();
            assertThatThrownBy(() -> open.pinRoot(root))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pin root");
        }
    }

    @Test
    void aRootOutsideABpfFileSystemFailsTheLoadSayingWhere() throws IOException {
        Path notBpffs = Files.createTempDirectory("bpf4j-not-bpffs");
        try (PinFixtureSkel.Open open = PinFixtureSkel.open(Backends.kernel(kernel))) {
            open.pinRoot(notBpffs);
            assertThatThrownBy(open::load)
                    .isInstanceOf(BpfException.class)
                    .hasMessageContaining(notBpffs.toString());
        } finally {
            Files.delete(notBpffs); // fails if anything was pinned (or created) there
        }
    }
}
