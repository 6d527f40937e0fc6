package io.kefu.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {

    // Row 0 ignored; row 1 holds log-probabilities ln(0.5), ln(0.3), ln(0.15), ln(0.05).
    private static final float[] ROWS = {0f, 0f, 0f, 0f,
        (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)};

    @Test
    void shouldPickTheMostLikelyTokenGreedilyAndReportItsLogProbability() {
        TokenSampler.Choice choice = TokenSampler.pick(ROWS, 4, 4, SamplingSettings.greedy(5), new Random(1));
        assertThat(choice.token()).isEqualTo(0);
        assertThat(choice.logProb()).isEqualTo((float) Math.log(0.5));
    }

    @Test
    void shouldSampleOnlyAmongTheTopKAndTheNucleus() {
        Set<Integer> topTwo = new HashSet<>();
        Set<Integer> nucleus = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            topTwo.add(TokenSampler.pick(ROWS, 4, 4, SamplingSettings.sampled(5, 1f, 2, 1f, 0), random).token());
            nucleus.add(TokenSampler.pick(ROWS, 4, 4, SamplingSettings.sampled(5, 1f, 0, 0.75f, 0), random).token());
        }
        assertThat(topTwo).containsExactlyInAnyOrder(0, 1);
        assertThat(nucleus).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void shouldReproduceTheSameSamplesFromTheSameSeed() {
        SamplingSettings settings = SamplingSettings.sampled(5, 1.2f, 0, 1f, 0);
        Random first = new Random(42);
        Random second = new Random(42);
        for (int i = 0; i < 50; i++) {
            assertThat(TokenSampler.pick(ROWS, 4, 4, settings, first).token())
                    .isEqualTo(TokenSampler.pick(ROWS, 4, 4, settings, second).token());
        }
    }
}
