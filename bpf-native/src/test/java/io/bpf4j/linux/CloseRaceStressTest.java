package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.test.RequiresKernel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's lifetime clause: no sequence of calls, from any number of threads, crashes the JVM or
 * acts on another kernel object. Threads use an object's maps, data sections, readers, views and
 * links while another thread closes it and loads the next one into the freed fd numbers; every
 * operation that loses the race must throw {@link IllegalStateException}, none may reach the next
 * object (its maps are checked against a sentinel), and reading memory after close must not crash
 * (a crash ends the test JVM, which fails the build).
 *
 * <p>A few seconds by default; {@code -Dbpf4j.closeRaceRounds=N} (default 25) runs longer.
 */
@RequiresKernel
class CloseRaceStressTest {
    private static final int ROUNDS = Integer.getInteger("bpf4j.closeRaceRounds", 25);
    private static final int THREADS = 4;
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final String FIXTURE = "lifetime_fixture.bpf.o";
    /** What the next object's maps are filled with; no racing thread ever writes it. */
    private static final long SENTINEL = 0x5345_4E54_494E_454CL;
    /** The high half of every value racing threads write. */
    private static final long WRITTEN = 0x5752_4954_0000_0000L;
    private static final int ENTRIES = 16;
    /** Each racing thread's keys: {@code KEYS * thread ..}, so threads never see each other's. */
    private static final int KEYS = ENTRIES / THREADS;

    private final NativeKernel kernel = new NativeKernel();
    private final byte[] elf = Fixtures.object(FIXTURE);
    private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeLeftovers() throws Exception {
        for (AutoCloseable resource : toClose) {
            resource.close();
        }
    }

    private LoadedObject load() {
        try (OpenObject open = kernel.openObject("lifetime_fixture", elf)) {
            open.initialData(".rodata").putInt(0, PID);
            LoadedObject loaded = open.load();
            toClose.add(loaded);
            return loaded;
        }
    }

    private LifetimeFixtureSkel loadSkeleton() {
        try (LifetimeFixtureSkel.Open open = LifetimeFixtureSkel.open(Backends.kernel(kernel))) {
            open.rodata().targetTgid(PID).marker(SENTINEL);
            LifetimeFixtureSkel skel = open.load();
            toClose.add(skel);
            return skel;
        }
    }

    @Test
    void mapOperationsRacingCloseNeverReachTheNextObject() throws Exception {
        AtomicLong crossObjectWrites = new AtomicLong();
        AtomicLong crossObjectReads = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int roundsReached = 0;
        LoadedObject current = load();
        for (int round = 0; round < ROUNDS; round++) {
            MapHandle slots = current.map("slots");
            MapHandle table = current.map("table");
            // Its close empties the map's slots of this object: it must not empty another object's.
            PerfBufferReader<Long> perf = Backends.perfBufferReader("samples", current.perfBuffer("samples", 1),
                    io.bpf4j.codec.Codecs.INT64, LostHandler.IGNORE);
            Racers racers = new Racers(THREADS + 1);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                racers.start(() -> mapOperations(thread, slots, table, crossObjectReads), refused);
            }
            racers.start(() -> {
                racers.awaitStarted();
                perf.close();
            }, refused);
            racers.awaitStarted();
            current.close();
            LoadedObject next = load();
            long reached = nonZero(next.map("slots")) + entries(next.map("table"));
            fill(next.map("slots"));
            fill(next.map("table"));
            racers.join();
            reached += notSentinel(next.map("slots")) + notSentinel(next.map("table"));
            crossObjectWrites.addAndGet(reached);
            roundsReached += reached > 0 ? 1 : 0;
            clear(next.map("slots"));
            clear(next.map("table")); // its own racers, next round, must not read the sentinel
            current = next;
        }
        int affected = roundsReached;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(crossObjectWrites.get())
                    .as("writes that reached the next object's maps (in %d of %d rounds)", affected, ROUNDS).isZero();
            softly.assertThat(crossObjectReads.get()).as("reads that saw the next object's maps").isZero();
            softly.assertThat(unexpected).as("exceptions other than IllegalStateException (%d)", unexpected.size())
                    .isEmpty();
            softly.assertThat(refused.get()).as("operations refused after close").isPositive();
        });
    }

    /** Single, batch and iterating operations on this thread's keys, until the object is closed. */
    private void mapOperations(int thread, MapHandle slots, MapHandle table, AtomicLong crossObjectReads) {
        ByteBuffer key = buffer(4);
        ByteBuffer value = buffer(8);
        ByteBuffer keys = buffer(4 * KEYS);
        ByteBuffer values = buffer(8 * KEYS);
        ByteBuffer cursor = buffer(table.batchCursorSize());
        ByteBuffer batchKeys = buffer(4 * ENTRIES);
        ByteBuffer batchValues = buffer(8 * ENTRIES);
        for (long n = 0; ; n++) {
            int k = thread * KEYS + (int) (n % KEYS);
            key.putInt(0, k);
            value.putLong(0, WRITTEN | n);
            switch ((int) (n % 7)) {
                case 0 -> slots.update(key, value, 0);
                case 1 -> table.update(key, value, 0);
                case 2 -> table.delete(key);
                case 3 -> {
                    if (slots.lookup(key, value) && value.getLong(0) == SENTINEL) {
                        crossObjectReads.incrementAndGet();
                    }
                }
                case 4 -> {
                    for (int i = 0; i < KEYS; i++) {
                        keys.putInt(4 * i, thread * KEYS + i);
                        values.putLong(8 * i, WRITTEN | n);
                    }
                    table.updateBatch(keys, values, KEYS, 0);
                    table.deleteBatch(keys, KEYS);
                }
                case 5 -> {
                    int found = table.lookupBatch(null, cursor, batchKeys, batchValues, ENTRIES).count();
                    for (int i = 0; i < found; i++) {
                        if (batchValues.getLong(8 * i) == SENTINEL) {
                            crossObjectReads.incrementAndGet();
                        }
                    }
                }
                default -> {
                    ByteBuffer next = buffer(4);
                    for (ByteBuffer at = null; table.nextKey(at, next); at = copy(next)) {
                        // walks the keys, as typed maps' keys() does
                    }
                }
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void dataSectionAccessorsRacingCloseNeverCrash() throws Exception {
        AtomicLong refused = new AtomicLong();
        for (int round = 0; round < ROUNDS; round++) {
            LifetimeFixtureSkel skel = loadSkeleton();
            Racers racers = new Racers(THREADS);
            for (int t = 0; t < THREADS; t++) {
                long mine = t;
                racers.start(() -> {
                    for (long n = 0; ; n++) {
                        skel.data().scratch(mine << 32 | n);
                        skel.bss().calls();
                        skel.data().scratch();
                        skel.rodata().marker();
                    }
                }, refused);
            }
            racers.awaitStarted();
            skel.close();
            racers.join();
        }
        assertThat(unexpected).as("exceptions other than IllegalStateException").isEmpty();
        assertThat(refused.get()).isEqualTo((long) ROUNDS * THREADS);
    }

    @Test
    void memoryKeptPastCloseStaysReadable() throws Exception {
        for (int round = 0; round < Math.max(1, ROUNDS / 5); round++) {
            LifetimeFixtureSkel skel = loadSkeleton();
            skel.attach();
            RingBufferReader<LifetimeFixtureSkel.RecordStruct> ring = skel.maps().records().reader();
            PerfBufferReader<LifetimeFixtureSkel.RecordStruct> perf = skel.maps().samples().reader();
            for (int i = 0; i < 8; i++) {
                Fixtures.getpid();
            }
            // Views kept past their handler, against the rule, as careless code would.
            AtomicReference<ByteBuffer> ringView = new AtomicReference<>();
            AtomicReference<ByteBuffer> perfView = new AtomicReference<>();
            ring.pollViews(Duration.ofSeconds(5), (data, offset, length) -> ringView.set(data));
            perf.pollViews(Duration.ofSeconds(5), (data, offset, length) -> perfView.set(data));
            LifetimeFixtureSkel.RecordStruct.View record = new LifetimeFixtureSkel.RecordStruct.View()
                    .wrap(ringView.get(), 8);
            skel.data().scratch(round);

            // Readers of the kept memory race the close, then read it again afterwards.
            Racers readers = new Racers(3);
            AtomicBoolean stop = new AtomicBoolean();
            readers.start(() -> {
                while (!stop.get()) {
                    record.seq();
                }
            }, new AtomicLong());
            readers.start(() -> {
                while (!stop.get()) {
                    perfView.get().getLong(0);
                }
            }, new AtomicLong());
            readers.start(() -> {
                while (!stop.get()) {
                    ring.drainViews((data, offset, length) -> data.getLong(offset));
                    perf.drainViews((data, offset, length) -> data.getLong(offset));
                }
            }, new AtomicLong());
            readers.awaitStarted();
            skel.close();
            stop.set(true);
            readers.join();

            record.seq();
            record.marker();
            perfView.get().getLong(0);
            assertThat(ring.drain(r -> { })).isZero();
            assertThat(perf.drain(r -> { })).isZero();
        }
        assertThat(unexpected).as("exceptions").isEmpty();
    }

    @Test
    void dataBuffersKeptPastCloseReadTheLastValues() {
        LoadedObject loaded = load();
        ByteBuffer data = loaded.data(".data");
        ByteBuffer rodata = loaded.data(".rodata");
        data.putLong(0, 0x1234_5678_9ABCL);
        loaded.close();

        assertThat(data.getLong(0)).isEqualTo(0x1234_5678_9ABCL);
        assertThat(rodata.getInt(0)).isEqualTo(PID);
        data.putLong(0, 7); // lands in memory of this process only: no crash, no kernel object
        assertThat(data.getLong(0)).isEqualTo(7);
    }

    @Test
    void openPhaseSettersRacingOpenCloseNeverCrash() throws Exception {
        AtomicLong refused = new AtomicLong();
        for (int round = 0; round < ROUNDS * 4; round++) {
            LifetimeFixtureSkel.Open open = LifetimeFixtureSkel.open(Backends.kernel(kernel));
            Racers racers = new Racers(THREADS);
            for (int t = 0; t < THREADS; t++) {
                racers.start(() -> {
                    for (long n = 0; ; n++) {
                        open.rodata().marker(n).targetTgid(PID);
                        open.rodata().marker();
                    }
                }, refused);
            }
            racers.awaitStarted();
            open.close();
            racers.join();
        }
        assertThat(unexpected).as("exceptions other than IllegalStateException").isEmpty();
        assertThat(refused.get()).isEqualTo(4L * ROUNDS * THREADS);
    }

    @Test
    void initialDataKeptPastOpenCloseNeverCrashes() throws Exception {
        for (int round = 0; round < ROUNDS * 4; round++) {
            OpenObject open = kernel.openObject("lifetime_fixture", elf);
            ByteBuffer kept = open.initialData(".rodata");
            AtomicBoolean stop = new AtomicBoolean();
            Racers racers = new Racers(THREADS);
            for (int t = 0; t < THREADS; t++) {
                racers.start(() -> {
                    for (long n = 0; !stop.get(); n++) {
                        kept.putLong(8, n);
                        kept.getInt(0);
                    }
                }, new AtomicLong());
            }
            racers.awaitStarted();
            open.close();
            stop.set(true);
            racers.join();
            kept.putLong(8, 1); // the buffer outlives its object: the write goes nowhere, but never crashes
            assertThat(kept.getLong(8)).isEqualTo(1);
        }
        assertThat(unexpected).as("exceptions").isEmpty();
    }

    @Test
    void ownedMapOperationsRacingCloseNeverReachAnotherMap() throws Exception {
        LoadedObject loaded = load();
        MapHandle slots = loaded.map("slots");
        MapHandle table = loaded.map("table");
        AtomicLong refused = new AtomicLong();
        long crossMapWrites = 0;
        for (int round = 0; round < ROUNDS * 4; round++) {
            fill(table);
            OwnedMapHandle owned = kernel.openMapById(slots.id());
            Racers racers = new Racers(THREADS);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                racers.start(() -> {
                    ByteBuffer key = buffer(4).putInt(0, thread);
                    ByteBuffer value = buffer(8).putLong(0, WRITTEN | thread);
                    while (true) {
                        owned.update(key, value, 0);
                    }
                }, refused);
            }
            racers.awaitStarted();
            owned.close();
            // Takes the fd number the owned handle just released.
            try (OwnedMapHandle other = kernel.openMapById(table.id())) {
                racers.join();
                crossMapWrites += notSentinel(other);
            }
        }
        long reached = crossMapWrites;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(reached).as("writes through a closed handle that reached another map").isZero();
            softly.assertThat(unexpected).as("exceptions other than IllegalStateException (%d)", unexpected.size())
                    .isEmpty();
        });
    }

    @Test
    void linkOperationsRacingCloseNeverReachAnotherObject() throws Exception {
        Path directory = Files.createDirectories(Path.of("/sys/fs/bpf/bpf4j-close-race-" + PID));
        AtomicLong wrongPins = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long linksLeft = 0;
        try {
            Attached current = new Attached(load(), directory);
            for (int round = 0; round < ROUNDS; round++) {
                Attached racing = current;
                Racers racers = new Racers(THREADS);
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    racers.start(() -> {
                        Path pin = directory.resolve("link-" + thread);
                        for (long n = 0; ; n++) {
                            LinkHandle link = n % 2 == 0 ? racing.first : racing.second;
                            link.pin(pin.toString());
                            if (!pinnedIsALink(pin)) {
                                wrongPins.incrementAndGet();
                            }
                            Files.delete(pin);
                            if (thread == 0 && n > 64) {
                                racing.second.close(); // detaching races the object's own close of it
                            }
                        }
                    }, refused);
                }
                racers.awaitStarted();
                racing.object.close();
                current = new Attached(load(), directory); // takes the fd numbers just released
                racers.join();
                // A link pinned when the object closed lives until its pin is removed, as pins do,
                // and bpffs lets go of a removed pin after an RCU grace period: give it time.
                linksLeft += settledLinks(racing.linkIds);
            }
        } finally {
            try (var pins = Files.list(directory)) {
                for (Path pin : pins.toList()) {
                    Files.delete(pin);
                }
            }
            Files.delete(directory);
        }
        long left = linksLeft;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(wrongPins.get()).as("pins of something that is not a link").isZero();
            softly.assertThat(left).as("links of a closed object still in the kernel").isZero();
            softly.assertThat(unexpected).as("exceptions other than IllegalStateException (%d)", unexpected.size())
                    .isEmpty();
        });
    }

    /** An object with both programs attached, and the kernel ids of its two links. */
    private static final class Attached {
        final LoadedObject object;
        final LinkHandle first;
        final LinkHandle second;
        final Set<Integer> linkIds;

        Attached(LoadedObject object, Path directory) throws IOException {
            this.object = object;
            this.first = object.attach("emit");
            this.second = object.attach("emit_nothing");
            this.linkIds = Set.of(linkId(first, directory), linkId(second, directory));
        }

        /** The kernel's id of the link, from the fdinfo of its pin (removed again). */
        private static int linkId(LinkHandle link, Path directory) throws IOException {
            Path pin = directory.resolve("id");
            link.pin(pin.toString());
            int fd = BpfSyscall.objGet(pin.toString());
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
                    if (line.startsWith("link_id:")) {
                        return Integer.parseInt(line.substring("link_id:".length()).strip());
                    }
                }
                throw new IOException("no link_id in the fdinfo of " + pin);
            } finally {
                LibC.close(fd);
                Files.delete(pin);
            }
        }
    }

    /** How many of {@code ids} are still kernel links once they had a few seconds to go. */
    private static long settledLinks(Set<Integer> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long left = KernelObjectIds.links().stream().filter(ids::contains).count();
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
            left = KernelObjectIds.links().stream().filter(ids::contains).count();
        }
        return left;
    }

    /** Whether the object pinned at {@code pin} is a BPF link (its fdinfo has a {@code link_id}). */
    private static boolean pinnedIsALink(Path pin) throws IOException {
        int fd = BpfSyscall.objGet(pin.toString());
        if (fd < 0) {
            throw new IOException("BPF_OBJ_GET " + pin + ": errno " + -fd);
        }
        try {
            return Files.readString(Path.of("/proc/self/fdinfo/" + fd)).contains("link_id:");
        } finally {
            LibC.close(fd);
        }
    }

    // ---- helpers

    /** Threads that run a body until it throws; IllegalStateException is the expected end. */
    private final class Racers {
        private final CountDownLatch started;
        private final List<Thread> threads = new ArrayList<>();

        Racers(int count) {
            this.started = new CountDownLatch(count);
        }

        void start(ThrowingRunnable body, AtomicLong refused) {
            Thread thread = new Thread(() -> {
                started.countDown();
                try {
                    body.run();
                } catch (IllegalStateException e) {
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }, "close-racer");
            threads.add(thread);
            thread.start();
        }

        /** Waits until every thread is running, then a little, so that the close lands mid-flight. */
        void awaitStarted() throws InterruptedException {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1);
        }

        void join() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(thread.isAlive()).as("a racing thread still runs").isFalse();
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer copy(ByteBuffer key) {
        ByteBuffer copy = buffer(key.capacity());
        copy.put(0, key, 0, key.capacity());
        return copy;
    }

    private static void fill(MapHandle map) {
        for (int k = 0; k < ENTRIES; k++) {
            map.update(buffer(4).putInt(0, k), buffer(8).putLong(0, SENTINEL), 0);
        }
    }

    private static void clear(MapHandle map) {
        for (int k = 0; k < ENTRIES; k++) {
            if (map.type() == io.bpf4j.spec.MapType.ARRAY) {
                map.update(buffer(4).putInt(0, k), buffer(8), 0);
            } else {
                map.delete(buffer(4).putInt(0, k));
            }
        }
    }

    /** Array elements that are not 0: a fresh array holds only zeros. */
    private static long nonZero(MapHandle map) {
        long count = 0;
        ByteBuffer value = buffer(8);
        for (int k = 0; k < ENTRIES; k++) {
            if (map.lookup(buffer(4).putInt(0, k), value) && value.getLong(0) != 0) {
                count++;
            }
        }
        return count;
    }

    /** Elements present: a fresh hash map has none. */
    private static long entries(MapHandle map) {
        long count = 0;
        ByteBuffer value = buffer(8);
        for (int k = 0; k < ENTRIES; k++) {
            if (map.lookup(buffer(4).putInt(0, k), value)) {
                count++;
            }
        }
        return count;
    }

    private static long notSentinel(MapHandle map) {
        long count = 0;
        ByteBuffer value = buffer(8);
        for (int k = 0; k < ENTRIES; k++) {
            if (!map.lookup(buffer(4).putInt(0, k), value) || value.getLong(0) != SENTINEL) {
                count++;
            }
        }
        return count;
    }
}
