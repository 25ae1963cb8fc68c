package io.bpf4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mutator itself: a long campaign must not end in the fuzzer's own exception, so many
 * mutations of every strategy run here, each deterministic for its seed, and most change the input.
 */
class MutatorTest {
    private static final int MUTATIONS = 20_000;

    private final List<FuzzCorpus.Input> corpus = FuzzCorpus.withBtf(FuzzCorpus.objects(null));
    private final Mutator mutator = new Mutator(corpus);

    @Test
    void mutatesEveryInputWithEveryStrategyDeterministically() {
        Map<Mutator.Strategy, Integer> changed = new EnumMap<>(Mutator.Strategy.class);
        for (int i = 0; i < MUTATIONS; i++) {
            FuzzCorpus.Input input = corpus.get(i % corpus.size());
            Mutator.Strategy strategy = Mutator.Strategy.values()[i % Mutator.Strategy.values().length];
            byte[] mutated = mutator.mutate(input, strategy, new Random(i));
            assertThat(mutator.mutate(input, strategy, new Random(i))).as("mutation %d again", i).isEqualTo(mutated);
            if (!Arrays.equals(mutated, input.bytes())) {
                changed.merge(strategy, 1, Integer::sum);
            }
        }
        int perStrategy = MUTATIONS / Mutator.Strategy.values().length;
        assertThat(changed).allSatisfy((strategy, count) ->
                assertThat(count).as("%s mutations that changed their input", strategy).isGreaterThan(perStrategy / 2));
        assertThat(changed).hasSize(Mutator.Strategy.values().length);
    }
}
