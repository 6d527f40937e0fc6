package io.kefu.model.generate;

/**
 * Limits of a {@link GenerationEngine}.
 *
 * @param maxBatch most sequences decoded together in one step (cache slots, Bmax)
 * @param maxWaiting most requests waiting for a slot; more are rejected
 * @param maxLength tokens per sequence, prompt plus reply (Tmax, at most the context length;
 *     0 means the model's context length)
 * @param maxPrefillsPerStep most new sequences prefilled between two decode steps, so a burst of
 *     arrivals does not stall the sequences already decoding
 */
public record EngineOptions(int maxBatch, int maxWaiting, int maxLength, int maxPrefillsPerStep) {

    /** Checks the values. */
    public EngineOptions {
        if (maxBatch <= 0 || maxWaiting <= 0 || maxLength < 0 || maxPrefillsPerStep <= 0) {
            throw new IllegalArgumentException("maxBatch, maxWaiting and maxPrefillsPerStep must be > 0 and "
                    + "maxLength >= 0, were " + maxBatch + ", " + maxWaiting + ", " + maxPrefillsPerStep + " and "
                    + maxLength);
        }
    }

    /**
     * Returns the defaults: 64 slots, 1024 waiting, the model's context, 8 prefills per step.
     *
     * @return the options
     */
    public static EngineOptions defaults() {
        return new EngineOptions(64, 1024, 0, 8);
    }

    /**
     * Returns a copy with another batch size.
     *
     * @param size the most sequences per step
     * @return the options
     */
    public EngineOptions withMaxBatch(int size) {
        return new EngineOptions(size, maxWaiting, maxLength, maxPrefillsPerStep);
    }
}
