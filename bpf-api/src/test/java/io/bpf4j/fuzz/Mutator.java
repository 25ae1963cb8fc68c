package io.bpf4j.spec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a copy of a corpus input in one of several ways, deterministically for a given
 * {@link Random}. Half of the position-based mutations aim at header fields, where a wrong value
 * steers a reader furthest (offsets, sizes, counts), the other half anywhere in the input.
 */
final class ObjectMutator {
    /** The ways an input is damaged. */
    enum Strategy {
        /** One to eight single-bit flips. */
        BIT_FLIP,
        /** A byte replaced with 0, 0x7f, 0x80 or 0xff. */
        INTERESTING_BYTE,
        /** A field (or any aligned word) replaced with a boundary value of its width. */
        INTERESTING_VALUE,
        /** The input cut short. */
        TRUNCATION,
        /** A header field given the value of another header field, of this or another input. */
        SPLICED_FIELD,
        /** Several of the above at once. */
        STACKED
    }

    private static final byte[] INTERESTING_BYTES = {0, 0x7f, (byte) 0x80, (byte) 0xff};
    private static final long[] INTERESTING_VALUES = {
        0, 1, 2, 8, 12, 24, 64, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L,
        0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2,
    };

    private final List<FuzzCorpus.Input> corpus;

    ObjectMutator(List<FuzzCorpus.Input> corpus) {
        this.corpus = corpus;
    }

    /** A damaged copy of {@code input}, made with {@code strategy}. */
    byte[] mutate(FuzzCorpus.Input input, Strategy strategy, Random random) {
        byte[] bytes = Arrays.copyOf(input.bytes(), input.bytes().length);
        return apply(bytes, input, strategy, random);
    }

    private byte[] apply(byte[] bytes, FuzzCorpus.Input input, Strategy strategy, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (strategy) {
            case BIT_FLIP -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = position(input, bytes.length, random);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case INTERESTING_BYTE -> bytes[position(input, bytes.length, random)] =
                    INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
            case INTERESTING_VALUE -> {
                FuzzCorpus.Field field = field(input, bytes.length, random);
                long value = INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)];
                // Values relative to the input's size hit the off-by-one checks.
                if (random.nextInt(4) == 0) {
                    value = bytes.length + random.nextInt(3) - 1;
                }
                write(buffer, field, value);
            }
            case TRUNCATION -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case SPLICED_FIELD -> {
                FuzzCorpus.Field target = input.fields().get(random.nextInt(input.fields().size()));
                FuzzCorpus.Input donor = corpus.get(random.nextInt(corpus.size()));
                FuzzCorpus.Field source = donor.fields().get(random.nextInt(donor.fields().size()));
                ByteBuffer donorBytes = ByteBuffer.wrap(donor.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                if (fits(target, bytes.length) && fits(source, donor.bytes().length)) {
                    write(buffer, target, read(donorBytes, source));
                }
            }
            case STACKED -> {
                int rounds = 2 + random.nextInt(3);
                byte[] stacked = bytes;
                for (int i = 0; i < rounds; i++) {
                    Strategy next = Strategy.values()[random.nextInt(Strategy.STACKED.ordinal())];
                    stacked = apply(stacked, input, next, random);
                }
                return stacked;
            }
        }
        return bytes;
    }

    /** A byte position: inside a header field half of the time. */
    private static int position(FuzzCorpus.Input input, int length, Random random) {
        if (random.nextBoolean()) {
            FuzzCorpus.Field field = input.fields().get(random.nextInt(input.fields().size()));
            int at = field.offset() + random.nextInt(field.width());
            if (at < length) {
                return at;
            }
        }
        return random.nextInt(length);
    }

    /** A header field, or an aligned word anywhere, that lies inside the input. */
    private static FuzzCorpus.Field field(FuzzCorpus.Input input, int length, Random random) {
        if (random.nextBoolean()) {
            FuzzCorpus.Field field = input.fields().get(random.nextInt(input.fields().size()));
            if (fits(field, length)) {
                return field;
            }
        }
        int width = random.nextBoolean() ? 4 : 8;
        int at = random.nextInt(Math.max(1, length - width + 1)) & -width;
        return new FuzzCorpus.Field(at, Math.min(width, length - at));
    }

    private static boolean fits(FuzzCorpus.Field field, int length) {
        return field.offset() + field.width() <= length;
    }

    private static long read(ByteBuffer buffer, FuzzCorpus.Field field) {
        long value = 0;
        for (int i = field.width() - 1; i >= 0; i--) {
            value = value << 8 | (buffer.get(field.offset() + i) & 0xff);
        }
        return value;
    }

    private static void write(ByteBuffer buffer, FuzzCorpus.Field field, long value) {
        for (int i = 0; i < field.width(); i++) {
            buffer.put(field.offset() + i, (byte) (value >>> (8 * i)));
        }
    }
}
