package io.kefu.model.generate;

import java.util.Arrays;
import java.util.Random;

/** Picks the next token from a row of logits, greedily or by temperature/top-k/top-p sampling. */
public final class TokenSampler {

    private TokenSampler() {}

    /**
     * A picked token and its log-probability under the model's unmodified distribution.
     *
     * @param token the token id
     * @param logProb log softmax of the raw logits at that token
     */
    public record Choice(int token, float logProb) {}

    /**
     * Picks a token.
     *
     * @param logits logits of all rows, row-major
     * @param offset start of this row
     * @param vocab row length (V)
     * @param settings how to pick
     * @param random this sequence's random source (unused when greedy)
     * @return the choice
     */
    public static Choice pick(float[] logits, int offset, int vocab, SamplingSettings settings, Random random) {
        int best = offset;
        for (int i = offset + 1; i < offset + vocab; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        float max = logits[best];
        double sum = 0;
        for (int i = offset; i < offset + vocab; i++) {
            sum += Math.exp(logits[i] - max);
        }
        double logNormalizer = max + Math.log(sum);
        int token = settings.isGreedy() ? best - offset : sample(logits, offset, vocab, settings, random);
        return new Choice(token, (float) (logits[offset + token] - logNormalizer));
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
