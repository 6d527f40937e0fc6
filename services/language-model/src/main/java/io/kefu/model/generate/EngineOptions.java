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
 * @param decodeThreads PyTorch intra-op threads of the decode loop (see {@link #DEFAULT_DECODE_THREADS})
 */
public record EngineOptions(int maxBatch, int maxWaiting, int maxLength, int maxPrefillsPerStep, int decodeThreads) {

    /**
     * One thread: a decode step is hundreds of small operations, and handing each to a second
     * (passive) OpenMP thread costs more than it saves; measured on 2 cores, one thread is faster at
     * every batch size up to 64, and leaves the other core to Kafka's threads.
     */
    public static final int DEFAULT_DECODE_THREADS = 1;

    /** Checks the values. */
    public EngineOptions {
        if (maxBatch <= 0 || maxWaiting <= 0 || maxLength < 0 || maxPrefillsPerStep <= 0 || decodeThreads <= 0) {
            throw new IllegalArgumentException("maxBatch, maxWaiting, maxPrefillsPerStep and decodeThreads must be > 0 "
                    + "and maxLength >= 0, were " + maxBatch + ", " + maxWaiting + ", " + maxPrefillsPerStep + ", "
                    + decodeThreads + " and " + maxLength);
        }
    }

    /**
     * Options with {@link #DEFAULT_DECODE_THREADS} decode threads.
     *
     * @param maxBatch most sequences decoded together in one step
     * @param maxWaiting most requests waiting for a slot
     * @param maxLength tokens per sequence (0: the model's context length)
     * @param maxPrefillsPerStep most new sequences prefilled between two decode steps
     */
    public EngineOptions(int maxBatch, int maxWaiting, int maxLength, int maxPrefillsPerStep) {
        this(maxBatch, maxWaiting, maxLength, maxPrefillsPerStep, DEFAULT_DECODE_THREADS);
    }

    /**
     * Returns the defaults: 64 slots, 1024 waiting, the model's context, 8 prefills per step, one
     * decode thread.
     *
     * @return the options
     */
    public static EngineOptions defaults() {
        return new EngineOptions(64, 1024, 0, 8);
    }

    /**
     * Returns a copy with another decode-loop thread count.
     *
     * @param threads PyTorch intra-op threads of the decode loop
     * @return the options
     */
    public EngineOptions withDecodeThreads(int threads) {
        return new EngineOptions(maxBatch, maxWaiting, maxLength, maxPrefillsPerStep, threads);
    }

    /**
     * Returns a copy with another batch size.
     *
     * @param size the most sequences per step
     * @return the options
     */
    public EngineOptions withMaxBatch(int size) {
        return new EngineOptions(size, maxWaiting, maxLength, maxPrefillsPerStep, decodeThreads);
    }
}
