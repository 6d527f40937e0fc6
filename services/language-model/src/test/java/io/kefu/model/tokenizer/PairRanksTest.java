package io.kefu.model.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairRanksTest {

    @Test
    void shouldFindEveryStoredPairAndNoOther() {
        // Given 5,000 pairs, far more than the smallest table
        PairRanks ranks = new PairRanks(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(ranks.putIfAbsent(i % 257, i / 257 + 1000, i)).isTrue();
        }

        // Then each has its own rank, the reversed pairs and unseen ids have none
        for (int i = 0; i < 5_000; i++) {
            assertThat(ranks.rank(i % 257, i / 257 + 1000)).isEqualTo(i);
            assertThat(ranks.rank(i / 257 + 1000, i % 257)).isEqualTo(Integer.MAX_VALUE);
        }
        assertThat(ranks.rank(0, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ranks.rank(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldKeepTheFirstRankOfARepeatedPair() {
        PairRanks ranks = new PairRanks(2);
        assertThat(ranks.putIfAbsent(3, 4, 0)).isTrue();
        assertThat(ranks.putIfAbsent(3, 4, 1)).isFalse();
        assertThat(ranks.rank(3, 4)).isZero();
    }
}
