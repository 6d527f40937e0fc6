package io.kefu.model.generate;

/**
 * How to pick each next token.
 *
 * @param maxNewTokens stop after this many generated tokens (the closing {@code <|end|>} counts)
 * @param temperature 0 for greedy decoding; otherwise logits are divided by it before sampling
 * @param topK sample only among the k most likely tokens (0: no limit)
 * @param topP sample only among the most likely tokens whose probabilities add up to p (1: no limit)
 * @param seed seed of this sequence's random source, so sampling is reproducible per request
 */
public record SamplingSettings(int maxNewTokens, float temperature, int topK, float topP, long seed) {

    /** Checks the values. */
    public SamplingSettings {
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, was " + maxNewTokens);
        }
        if (!(temperature >= 0f) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 and finite, was " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, was " + topK);
        }
        if (!(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    /**
     * Returns greedy decoding.
     *
     * @param maxNewTokens token limit
     * @return the settings
     */
    public static SamplingSettings greedy(int maxNewTokens) {
        return new SamplingSettings(maxNewTokens, 0f, 0, 1f, 0L);
    }

    /**
     * Returns sampling settings.
     *
     * @param maxNewTokens token limit
     * @param temperature temperature (> 0)
     * @param topK top-k limit (0: none)
     * @param topP nucleus limit (1: none)
     * @param seed random seed
     * @return the settings
     */
    public static SamplingSettings sampled(int maxNewTokens, float temperature, int topK, float topP, long seed) {
        return new SamplingSettings(maxNewTokens, temperature, topK, topP, seed);
    }

    /**
     * Tells whether decoding is greedy.
     *
     * @return true when temperature is 0
     */
    public boolean isGreedy() {
        return temperature == 0f;
    }
}
