package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.test.RequiresKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresKernel
class NativeMapTest {
    private static final long BPF_ANY = 0;
    private static final long BPF_NOEXIST = 1;
    private static final long BPF_EXIST = 2;

    private LoadedObject loaded;
    private MapHandle counts;
    private MapHandle slots;

    @BeforeEach
    void load() {
        try (OpenObject open = new NativeKernel().openObject("native_fixture", Fixtures.object(Fixtures.NATIVE))) {
            loaded = open.load();
        }
        counts = loaded.map("counts");
        slots = loaded.map("slots");
    }

    @AfterEach
    void close() {
        loaded.close();
    }

    @Test
    void putGetDelete() {
        ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());

        assertThat(counts.lookup(Fixtures.u32(7), value)).isFalse();
        counts.update(Fixtures.u32(7), Fixtures.u64(700), BPF_ANY);
        assertThat(counts.lookup(Fixtures.u32(7), value)).isTrue();
        assertThat(value.getLong(0)).isEqualTo(700);

        counts.update(Fixtures.u32(7), Fixtures.u64(701), BPF_EXIST);
        counts.lookup(Fixtures.u32(7), value);
        assertThat(value.getLong(0)).isEqualTo(701);

        assertThat(counts.delete(Fixtures.u32(7))).isTrue();
        assertThat(counts.delete(Fixtures.u32(7))).isFalse();
        assertThat(counts.lookup(Fixtures.u32(7), value)).isFalse();
    }

    @Test
    void acceptsDirectAndReadOnlyBuffersAndIgnoresTheirPosition() {
        ByteBuffer key = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(3);
        ByteBuffer value = Fixtures.u64(33).asReadOnlyBuffer();
        ByteBuffer out = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

        counts.update(key, value, BPF_ANY);

        assertThat(counts.lookup(Fixtures.u32(3), out)).isTrue();
        assertThat(out.getLong(0)).isEqualTo(33);
        assertThat(key.position()).isEqualTo(4);
    }

    @Test
    void iteratesEveryKey() {
        for (int k = 1; k <= 3; k++) {
            counts.update(Fixtures.u32(k), Fixtures.u64(k * 10L), BPF_NOEXIST);
        }
        List<Integer> keys = new ArrayList<>();
        ByteBuffer next = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());

        ByteBuffer previous = null;
        while (counts.nextKey(previous, next)) {
            keys.add(next.getInt(0));
            previous = Fixtures.u32(next.getInt(0));
        }

        assertThat(keys).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void fullMapIsE2big() {
        for (int k = 0; k < counts.maxEntries(); k++) {
            counts.update(Fixtures.u32(k), Fixtures.u64(k), BPF_ANY);
        }

        assertThatThrownBy(() -> counts.update(Fixtures.u32(99), Fixtures.u64(1), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG))
                .hasMessageStartingWith("bpf(BPF_MAP_UPDATE_ELEM) on map 'counts' failed: E2BIG")
                .hasMessageContaining("max_entries 4");
    }

    @Test
    void flagsAreHonoured() {
        counts.update(Fixtures.u32(1), Fixtures.u64(1), BPF_NOEXIST);

        assertThatThrownBy(() -> counts.update(Fixtures.u32(1), Fixtures.u64(2), BPF_NOEXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageContaining("map 'counts'")
                .hasMessageContaining("BPF_NOEXIST");
        assertThatThrownBy(() -> counts.update(Fixtures.u32(2), Fixtures.u64(2), BPF_EXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining("BPF_EXIST");
    }

    @Test
    void arrayElementsExistAndCannotBeDeleted() {
        ByteBuffer value = Fixtures.u64(-1);

        assertThat(slots.lookup(Fixtures.u32(5), value)).isTrue();
        assertThat(value.getLong(0)).isZero();
        assertThatThrownBy(() -> slots.delete(Fixtures.u32(5)))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("bpf(BPF_MAP_DELETE_ELEM) on map 'slots'");
        assertThatThrownBy(() -> slots.update(Fixtures.u32(8), Fixtures.u64(1), BPF_ANY))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG));
    }

    @Test
    void buffersOtherThanTheMapsSizesAreRefused() {
        assertThatThrownBy(() -> counts.update(ByteBuffer.allocate(2), Fixtures.u64(1), BPF_ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update on map 'counts': the key buffer must hold exactly 4 bytes (its limit), not 2");
        assertThatThrownBy(() -> counts.lookup(Fixtures.u32(1), ByteBuffer.allocate(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookup on map 'counts': the value buffer must hold exactly 8 bytes (its limit), not 4");
        assertThatThrownBy(() -> counts.update(Fixtures.u64(1), Fixtures.u64(1), BPF_ANY))
                .as("a larger key is not cut to its first bytes").isInstanceOf(IllegalArgumentException.class);
        assertThat(counts.lookup(Fixtures.u32(1), Fixtures.u64(0))).isFalse();
    }

    @Test
    void worksFromManyThreads() throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int key = t;
            threads[t] = new Thread(() -> {
                ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
                for (int i = 0; i < 2_000; i++) {
                    counts.update(Fixtures.u32(key), Fixtures.u64(i), BPF_ANY);
                    counts.lookup(Fixtures.u32(key), value);
                    assertThat(value.getLong(0)).isEqualTo(i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        for (int t = 0; t < threads.length; t++) {
            assertThat(counts.lookup(Fixtures.u32(t), value)).isTrue();
            assertThat(value.getLong(0)).isEqualTo(1_999);
        }
    }
}
