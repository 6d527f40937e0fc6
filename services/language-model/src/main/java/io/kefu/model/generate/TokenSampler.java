package io.kefu.model.generate;

import java.util.Arrays;
import java.util.Random;

/** Picks the next token from a row of log-probabilities, greedily or by temperature/top-k/top-p sampling. */
public final class TokenSampler {

    private TokenSampler() {}

    /**
     * A picked token and its log-probability under the model's unmodified distribution.
     *
     * @param token the token id
     * @param logProb the token's log-probability under the model's unmodified distribution
     */
    public record Choice(int token, float logProb) {}

    /**
     * Picks a token from log-probabilities (the log-softmax of the logits, computed on the device
     * so the decode loop does no exponentials per vocabulary entry).
     *
     * @param logProbs log-probabilities of all rows, row-major
     * @param offset start of this row
     * @param vocab row length (V)
     * @param settings how to pick
     * @param random this sequence's random source (unused when greedy)
     * @return the choice
     */
    public static Choice pick(float[] logProbs, int offset, int vocab, SamplingSettings settings, Random random) {
        int token;
        if (settings.isGreedy()) {
            int best = offset;
            for (int i = offset + 1; i < offset + vocab; i++) {
                if (logProbs[i] > logProbs[best]) {
                    best = i;
                }
            }
            token = best - offset;
        } else {
            // Softmax is shift-invariant, so sampling from log-probabilities equals sampling from logits.
            token = sample(logProbs, offset, vocab, settings, random);
        }
        return new Choice(token, logProbs[offset + token]);
    }

    private static int sample(float[] logits, int offset, int vocab, SamplingSettings settings, Random random) {
        // Sort ids by logit, descending: pack a sortable key with the id so one primitive sort does it.
        long[] order = new long[vocab];
        for (int i = 0; i < vocab; i++) {
            int bits = Float.floatToIntBits(logits[offset + i]);
            int sortable = bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
            order[i] = ((long) ~sortable << 32) | i;
        }
        Arrays.sort(order);
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), vocab) : vocab;
        double[] probs = new double[keep];
        float top = logits[offset + (int) order[0]];
        double total = 0;
        for (int r = 0; r < keep; r++) {
            probs[r] = Math.exp((logits[offset + (int) order[r]] - top) / settings.temperature());
            total += probs[r];
        }
        if (settings.topP() < 1f) {
            double cumulative = 0;
            int cut = keep;
            for (int r = 0; r < keep; r++) {
                cumulative += probs[r] / total;
                if (cumulative >= settings.topP()) {
                    cut = r + 1;
                    break;
                }
            }
            keep = cut;
            total = 0;
            for (int r = 0; r < keep; r++) {
                total += probs[r];
            }
        }
        double draw = random.nextDouble() * total;
        for (int r = 0; r < keep; r++) {
            draw -= probs[r];
            if (draw <= 0) {
                return (int) order[r];
            }
        }
        return (int) order[keep - 1];
    }
}
