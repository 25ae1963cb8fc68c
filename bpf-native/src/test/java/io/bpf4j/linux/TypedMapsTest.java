package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import io.bpf4j.Errno;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfBloomFilter;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.BpfLpmTrie;
import io.bpf4j.map.BpfPerCpuArrayMap;
import io.bpf4j.map.BpfPerCpuHashMap;
import io.bpf4j.map.BpfQueue;
import io.bpf4j.map.BpfStack;
import io.bpf4j.map.LpmKey;
import io.bpf4j.map.UpdateFlag;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.test.RequiresKernel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed map classes of {@code io.bpf4j.map}, through the SPI, against the real kernel. */
@RequiresKernel
class TypedMapsTest {
    /** An IPv4 address as the 4 bytes of an LPM key's data, in network order. */
    private static final Codec<byte[]> IPV4 = new Codec<>() {
        @Override
        public int size() {
            return 4;
        }

        @Override
        public byte[] decode(ByteBuffer buffer, int offset) {
            byte[] address = new byte[4];
            buffer.get(offset, address);
            return address;
        }

        @Override
        public void encode(byte[] value, ByteBuffer buffer, int offset) {
            buffer.put(offset, value);
        }
    };

    private MapsFixture fixture;

    @BeforeEach
    void load() {
        fixture = new MapsFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void hashMapPutGetRemoveAndFlags() {
        BpfHashMap<Integer, Long> hash = new BpfHashMap<>(ApiObjects.raw(fixture.map("hash")), Codecs.INT32,
                Codecs.INT64);
        hash.put(1, 10L, UpdateFlag.NOEXIST);

        assertThat(hash.get(1)).contains(10L);
        assertThatThrownBy(() -> hash.put(1, 11L, UpdateFlag.NOEXIST))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(hash.remove(1)).contains(10L);
        assertThat(hash.remove(1)).isEmpty();
        assertThat(hash.get(1)).isEmpty();
    }

    @Test
    void dumpAllReadsAHundredThousandEntriesInBatches() {
        BpfHashMap<Integer, Long> big = new BpfHashMap<>(ApiObjects.raw(fixture.map("big")), Codecs.INT32,
                Codecs.INT64);
        Map<Integer, Long> entries = IntStream.range(0, Math.toIntExact(big.maxEntries())).boxed()
                .collect(Collectors.toMap(i -> i, i -> i * 7L));
        big.putAll(entries, UpdateFlag.ANY);

        Map<Integer, Long> dumped = big.dumpAll();

        assertThat(dumped).hasSize(100_000).isEqualTo(entries);
    }

    @Test
    void dumpAllRetriesWithLargerBatchesWhenABucketDoesNotFit() {
        BpfHashMap<Integer, Long> big = new BpfHashMap<>(ApiObjects.raw(fixture.map("big")), Codecs.INT32,
                Codecs.INT64);
        Map<Integer, Long> entries = IntStream.range(0, 20_000).boxed().collect(Collectors.toMap(i -> i, i -> 1L));
        big.putAll(entries, UpdateFlag.ANY);
        // Claiming a capacity of 1 makes dumpAll start with one-element batches, which a bucket of
        // two overflows (20k keys in 128k buckets always share some): the kernel's ENOSPC.
        BpfHashMap<Integer, Long> tiny = new BpfHashMap<>(ApiObjects.raw(new ForwardingMapHandle(fixture.map("big")) {
            @Override
            public long maxEntries() {
                return 1;
            }
        }), Codecs.INT32, Codecs.INT64);

        assertThat(tiny.dumpAll()).isEqualTo(entries);
    }

    @Test
    void takeAllEmptiesTheMapReturningEveryElementOnce() {
        BpfHashMap<Integer, Long> big = new BpfHashMap<>(ApiObjects.raw(fixture.map("big")), Codecs.INT32,
                Codecs.INT64);
        Map<Integer, Long> entries = IntStream.range(0, 10_000).boxed().collect(Collectors.toMap(i -> i, i -> -i * 1L));
        big.putAll(entries, UpdateFlag.ANY);

        assertThat(big.takeAll()).isEqualTo(entries);
        assertThat(big.keys()).isEmpty();
    }

    @Test
    void singleValueClassesRefusePerCpuMaps() {
        assertThatThrownBy(() -> new BpfHashMap<>(ApiObjects.raw(fixture.map("pcpu_hash")), Codecs.INT32, Codecs.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'pcpu_hash' is a per-CPU map (PERCPU_HASH) with one value per CPU:"
                        + " use BpfPerCpuHashMap");
        assertThatThrownBy(() -> new BpfArrayMap<>(ApiObjects.raw(fixture.map("pcpu_array")), Codecs.INT64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use BpfPerCpuArrayMap");
    }

    @Test
    void aPinnedTypedMapIsSharedWithWhoeverOpensThePin() throws Exception {
        BpfHashMap<Integer, Long> hash = new BpfHashMap<>(ApiObjects.raw(fixture.map("hash")), Codecs.INT32,
                Codecs.INT64);
        try (BpfFsDirectory bpffs = BpfFsDirectory.open()) {
            Path pin = bpffs.newPath("typed");
            hash.pin(pin.toString());
            try (OwnedMapHandle opened = fixture.kernel.openPinnedMap(pin.toString())) {
                new BpfHashMap<>(ApiObjects.raw(opened), Codecs.INT32, Codecs.INT64).put(4, 44L);
            } finally {
                Files.delete(pin);
            }
        }
        assertThat(hash.get(4)).contains(44L);
    }

    @Test
    void deleteAllDeletesInOneBatch() {
        BpfHashMap<Integer, Long> hash = new BpfHashMap<>(ApiObjects.raw(fixture.map("hash")), Codecs.INT32,
                Codecs.INT64);
        for (int k = 0; k < 6; k++) {
            hash.put(k, (long) k);
        }

        hash.deleteAll(List.of(0, 2, 4));

        assertThat(hash.keys()).containsExactlyInAnyOrder(1, 3, 5);
        assertThat(hash.dumpAll()).containsOnlyKeys(1, 3, 5);
    }

    @Test
    void iterationNeverReportsAKeyTwiceWhenTheCurrentKeyIsDeleted() {
        BpfHashMap<Integer, Long> big = new BpfHashMap<>(ApiObjects.raw(fixture.map("big")), Codecs.INT32,
                Codecs.INT64);
        for (int k = 0; k < 1000; k++) {
            big.put(k, (long) k);
        }
        // Deleting the key the walk stands on sends the kernel's walk back to the first key, 50 times.
        KeyDeletingHandle deleting = new KeyDeletingHandle(fixture.map("big"), 50);
        BpfHashMap<Integer, Long> walked = new BpfHashMap<>(ApiObjects.raw(deleting), Codecs.INT32, Codecs.INT64);

        List<Integer> keys = walked.keys();

        assertThat(deleting.deleted()).hasSize(50);
        assertThat(keys).doesNotHaveDuplicates();
        Set<Integer> survivors = IntStream.range(0, 1000).boxed().collect(Collectors.toSet());
        survivors.removeAll(deleting.deleted());
        assertThat(keys).containsAll(survivors);
    }

    @Test
    void iterationWhileAnotherThreadDeletes() throws InterruptedException {
        BpfHashMap<Integer, Long> big = new BpfHashMap<>(ApiObjects.raw(fixture.map("big")), Codecs.INT32,
                Codecs.INT64);
        Map<Integer, Long> entries = IntStream.range(0, 5_000).boxed().collect(Collectors.toMap(i -> i, i -> 0L));
        big.putAll(entries, UpdateFlag.ANY);
        Set<Integer> kept = IntStream.range(0, 5_000).filter(k -> k % 2 == 1).boxed().collect(Collectors.toSet());
        Thread deleter = new Thread(() -> {
            for (int k = 0; k < 5_000; k += 2) {
                big.delete(k);
            }
        });

        deleter.start();
        List<Integer> keys = big.keys();
        deleter.join();

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).containsAll(kept);
        assertThat(big.keys()).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void arrayMapKeepsItsApi() {
        BpfArrayMap<Long> array = new BpfArrayMap<>(ApiObjects.raw(fixture.map("array")), Codecs.INT64);
        array.set(3, 33L);

        assertThat(array.get(3)).isEqualTo(33L);
        assertThat(array.values()).hasSize(8).containsOnly(0L, 33L);
    }

    @Test
    void perCpuHashHasOneValuePerCpu() {
        BpfPerCpuHashMap<Integer, Integer> pcpu =
                new BpfPerCpuHashMap<>(ApiObjects.raw(fixture.map("pcpu_hash")), Codecs.INT32, Codecs.INT32);
        int cpus = fixture.kernel.possibleCpus();
        List<Integer> values = IntStream.range(0, cpus).map(cpu -> 10 + cpu).boxed().toList();

        pcpu.put(4, values, UpdateFlag.NOEXIST);
        pcpu.putOnEveryCpu(5, 3);

        assertThat(pcpu.cpus()).isEqualTo(cpus);
        assertThat(pcpu.get(4)).contains(values);
        assertThat(pcpu.sum(4, Integer::longValue)).isEqualTo(values.stream().mapToLong(Integer::longValue).sum());
        assertThat(pcpu.sum(5, Integer::longValue)).isEqualTo(3L * cpus);
        assertThat(pcpu.dumpAll()).containsOnlyKeys(4, 5).containsEntry(4, values);
        assertThatThrownBy(() -> pcpu.put(6, List.of(1), UpdateFlag.ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs " + cpus + " values");
    }

    @Test
    void perCpuArraySums() {
        BpfPerCpuArrayMap<Long> pcpu = new BpfPerCpuArrayMap<>(ApiObjects.raw(fixture.map("pcpu_array")), Codecs.INT64);
        List<Long> values = IntStream.range(0, pcpu.cpus()).mapToObj(cpu -> 100L + cpu).toList();

        pcpu.set(2, values);

        assertThat(pcpu.get(2)).isEqualTo(values);
        assertThat(pcpu.sum(2, Long::longValue)).isEqualTo(values.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void lruHashEvictsInsteadOfFailing() {
        BpfHashMap<Integer, Long> lru = new BpfHashMap<>(ApiObjects.raw(fixture.map("lru")), Codecs.INT32,
                Codecs.INT64);

        for (int k = 0; k < 200; k++) {
            lru.put(k, (long) k);
        }

        assertThat(lru.keys()).hasSizeLessThanOrEqualTo(16).contains(199).doesNotContain(0);
        assertThat(lru.get(199)).contains(199L);
    }

    @Test
    void queueIsFirstInFirstOut() {
        BpfQueue<Integer> queue = new BpfQueue<>(ApiObjects.raw(fixture.map("queue")), Codecs.INT32);
        for (int v = 1; v <= 4; v++) {
            queue.push(v);
        }

        assertThatThrownBy(() -> queue.push(5))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG));
        queue.pushEvictingOldest(5);
        assertThat(queue.peek()).contains(2);
        assertThat(drain(queue::pop)).containsExactly(2, 3, 4, 5);
        assertThat(queue.pop()).isEmpty();
        assertThat(queue.peek()).isEmpty();
    }

    @Test
    void stackIsLastInFirstOut() {
        BpfStack<Integer> stack = new BpfStack<>(ApiObjects.raw(fixture.map("stack")), Codecs.INT32);
        for (int v = 1; v <= 3; v++) {
            stack.push(v);
        }

        assertThat(stack.peek()).contains(3);
        assertThat(drain(stack::pop)).containsExactly(3, 2, 1);
    }

    @Test
    void lpmTrieFindsTheLongestPrefix() {
        BpfLpmTrie<byte[], Integer> lpm = new BpfLpmTrie<>(ApiObjects.raw(fixture.map("lpm")), IPV4, Codecs.INT32);
        lpm.put(new LpmKey<>(8, new byte[] {10, 0, 0, 0}), 8);
        lpm.put(new LpmKey<>(24, new byte[] {10, 1, 2, 0}), 24);

        assertThat(lpm.longestMatch(new byte[] {10, 1, 2, 3}, 32)).contains(24);
        assertThat(lpm.longestMatch(new byte[] {10, 9, 9, 9}, 32)).contains(8);
        assertThat(lpm.longestMatch(new byte[] {11, 1, 2, 3}, 32)).isEmpty();
        assertThat(lpm.keys()).extracting(LpmKey::prefixLength).containsExactlyInAnyOrder(8, 24);
        assertThat(lpm.delete(new LpmKey<>(24, new byte[] {10, 1, 2, 0}))).isTrue();
        assertThat(lpm.longestMatch(new byte[] {10, 1, 2, 3}, 32)).contains(8);
    }

    @Test
    void bloomFilterHasNoFalseNegatives() {
        BpfBloomFilter<Integer> bloom = new BpfBloomFilter<>(ApiObjects.raw(fixture.map("bloom")), Codecs.INT32);
        for (int v = 0; v < 20; v++) {
            bloom.push(v * 1_000);
        }

        for (int v = 0; v < 20; v++) {
            assertThat(bloom.contains(v * 1_000)).isTrue();
        }
        // 64 entries' worth of bits hold 20 values: a false positive for all of 20 others is beyond chance.
        long falsePositives = IntStream.range(0, 20).filter(v -> bloom.contains(v * 1_000 + 7)).count();
        assertThat(falsePositives).isLessThan(20);
    }

    @Test
    void frozenTypedMapRefusesWritesButPinsAndReads() {
        BpfArrayMap<Long> array = new BpfArrayMap<>(ApiObjects.raw(fixture.map("array")), Codecs.INT64);
        array.set(0, 5L);

        array.freeze();

        assertThatThrownBy(() -> array.set(0, 6L))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
        assertThat(array.get(0)).isEqualTo(5L);
    }

    private static <T> List<T> drain(Supplier<Optional<T>> pop) {
        List<T> values = new ArrayList<>();
        for (Optional<T> v = pop.get(); v.isPresent(); v = pop.get()) {
            values.add(v.get());
        }
        return values;
    }

    /** Deletes the key a walk stands on before asking for the next, the first {@code limit} times. */
    private static final class KeyDeletingHandle extends ForwardingMapHandle {
        private final int limit;
        private final Set<Integer> deleted = new HashSet<>();

        KeyDeletingHandle(MapHandle delegate, int limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
            if (key != null && deleted.size() < limit && delete(key)) {
                deleted.add(key.getInt(0));
            }
            return super.nextKey(key, nextKey);
        }

        Set<Integer> deleted() {
            return deleted;
        }
    }
}
