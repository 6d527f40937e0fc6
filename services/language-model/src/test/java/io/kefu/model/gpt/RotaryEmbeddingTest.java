package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RotaryEmbeddingTest {

    @Test
    void shouldMakeAQueryKeyProductDependOnlyOnHowFarApartTheTwoPositionsAre() {
        // Given one query vector and one key vector of a head of size 8
        float[] query = {0.3f, -1.2f, 0.7f, 2.0f, -0.4f, 0.9f, 1.1f, -0.6f};
        float[] key = {1.5f, 0.2f, -0.8f, 0.4f, 0.6f, -1.0f, 0.3f, 0.5f};
        RotaryEmbedding rotary = new RotaryEmbedding(8, 128);
        try (NDManager manager = NDManager.newBaseManager()) {
            // When the query sits at 7 and the key at 4, then the query at 103 and the key at 100
            float near = product(rotary, manager, query, 7, key, 4);
            float far = product(rotary, manager, query, 103, key, 100);
            float other = product(rotary, manager, query, 7, key, 6);

            // Then the same offset gives the same product, and another offset a different one
            assertThat(far).isCloseTo(near, within(1e-3f));
            assertThat(Math.abs(other - near)).isGreaterThan(1e-2f);
        }
    }

    @Test
    void shouldTurnEveryPositionOfASequenceAsItTurnsThatPositionAlone() {
        // Given a (1, 1, 5, 4) sequence of queries
        RotaryEmbedding rotary = new RotaryEmbedding(4, 16);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(1, 1, 5, 4));
            // When it is turned as a sequence and position 3 is turned as a row of its own
            NDArray whole = rotary.sequence(x)[0];
            NDArray alone = rotary.rows(manager.create(new long[] {3}), x.get(":, :, 3:4, :"))[0];
            // Then the two agree
            assertThat(whole.get(":, :, 3:4, :").toFloatArray())
                    .containsExactly(alone.toFloatArray(), within(1e-5f));
        }
    }

    @Test
    void shouldKeepNothingOfAStepAttachedToItsTablesSoMemoryStaysFlatOverThousandsOfSteps() {
        // Given a rotary embedding used by 2,000 decode-like steps and 200 sequence passes, each in its own manager
        RotaryEmbedding rotary = new RotaryEmbedding(8, 64);
        try (NDManager root = NDManager.newBaseManager()) {
            for (int step = 0; step < 2_000; step++) {
                try (NDManager stepManager = root.newSubManager()) {
                    rotary.rows(stepManager.create(new long[] {1, 5, 9, 63}), stepManager.ones(new Shape(4, 2, 1, 8)),
                            stepManager.ones(new Shape(4, 2, 1, 8)));
                    if (step % 10 == 0) {
                        rotary.sequence(stepManager.ones(new Shape(2, 2, 16, 8)));
                    }
                }
            }
            // Then its tables still hold exactly their cosine, sine and half-turn arrays, and nothing else
            assertThat(rotary.retainedArrays()).isEqualTo(3);
        }
    }

    @Test
    void shouldReadAConfigWrittenBeforeTheRotaryEmbeddingAsLearnedPositionsOnly() throws Exception {
        // Given config.json of an earlier artifact, which has no rotary field
        String earlier = "{\"vocabSize\":1460,\"contextLength\":256,\"layers\":4,\"heads\":6,\"width\":192,\"dropout\":0.0}";
        ObjectMapper json = new ObjectMapper();
        // When it is read, and a new default config is written and read back
        GptConfig read = json.readValue(earlier, GptConfig.class);
        GptConfig fresh = GptConfig.defaults(1460);
        GptConfig roundTrip = json.readValue(json.writeValueAsString(fresh), GptConfig.class);
        // Then the earlier one has no rotary embedding and the new one keeps it
        assertThat(read).isEqualTo(new GptConfig(1460, 256, 4, 6, 192, 0f, false));
        assertThat(fresh.rotary()).isTrue();
        assertThat(roundTrip).isEqualTo(fresh);
    }

    @Test
    void shouldRefuseAnOddHeadSizeForTheRotaryEmbedding() {
        assertThatThrownBy(() -> new GptConfig(260, 16, 2, 3, 15, 0f, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rotary embedding needs an even head size (width / heads), was 5");
    }

    private static float product(RotaryEmbedding rotary, NDManager manager, float[] query, long queryAt, float[] key,
            long keyAt) {
        NDArray q = rotary.rows(manager.create(new long[] {queryAt}),
                manager.create(query, new Shape(1, 1, 1, query.length)))[0];
        NDArray k = rotary.rows(manager.create(new long[] {keyAt}),
                manager.create(key, new Shape(1, 1, 1, key.length)))[0];
        return q.mul(k).sum().getFloat();
    }
}
