package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapSpecTest {
    @Test
    void maxEntriesIsTheKernelsUnsigned32BitCount() {
        assertThat(new MapSpec("ring", MapType.RINGBUF, 0, 0, 1L << 31, 0, 0, 0).maxEntries()).isEqualTo(1L << 31);
        assertThat(new MapSpec("all", MapType.HASH, 4, 4, 0xffff_ffffL, 0, 0, 0).maxEntries()).isPositive();
        assertThatThrownBy(() -> new MapSpec("m", MapType.HASH, 4, 4, 1L << 32, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'm' max_entries: 4294967296 is out of range 0 to 4294967295 (u32)");
        assertThatThrownBy(() -> new MapSpec("m", MapType.HASH, 4, 4, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesAreNotNegative() {
        assertThatThrownBy(() -> new MapSpec("m", MapType.HASH, -4, 4, 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'm': key and value sizes must not be negative, not -4/4");
    }
}
