package io.bpf4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Map types carry the kernel's numbers. */
class MapTypeTest {

    @Test
    void numbersTypesAsTheKernelDoes() {
        for (MapType type : MapType.values()) {
            assertThat(MapType.of(type.id())).isSameAs(type);
        }
        assertThat(MapType.of(0)).isEqualTo(MapType.UNSPEC);
        assertThat(MapType.of(1)).isEqualTo(MapType.HASH);
        assertThat(MapType.of(2)).isEqualTo(MapType.ARRAY);
        assertThat(MapType.of(12)).isEqualTo(MapType.ARRAY_OF_MAPS);
        assertThat(MapType.of(27)).isEqualTo(MapType.RINGBUF);
        assertThat(MapType.of(30)).isEqualTo(MapType.BLOOM_FILTER);
        assertThat(MapType.of(33)).isEqualTo(MapType.ARENA);
    }

    @Test
    void rejectsUnknownNumbers() {
        assertThatThrownBy(() -> MapType.of(34)).hasMessage("unknown map type 34 (known types are 0 to 33)");
        assertThatThrownBy(() -> MapType.of(-1)).hasMessage("unknown map type 4294967295 (known types are 0 to 33)");
    }
}
