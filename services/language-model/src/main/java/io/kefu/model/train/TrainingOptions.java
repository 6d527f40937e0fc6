package io.kefu.model.train;

import java.time.Duration;

/**
 * How to train.
 *
 * @param steps optimizer steps planned (the schedule's length)
 * @param batchSize examples per step
 * @param peakLearningRate learning rate after warm-up
 * @param minLearningRate learning rate at the last step
 * @param warmupSteps steps of linear warm-up
 * @param weightDecay AdamW's decoupled weight decay
 * @param clipNorm the largest global gradient norm
 * @param timeBudget stop early once this much time has passed
 * @param evalEvery steps between evaluations on the held-out set (0: only at the end)
 * @param seed seed for batch order and dropout
 */
public record TrainingOptions(int steps, int batchSize, float peakLearningRate, float minLearningRate,
        int warmupSteps, float weightDecay, float clipNorm, Duration timeBudget, int evalEvery, int seed) {

    /** Checks the values. */
    public TrainingOptions {
        if (steps <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("steps and batchSize must be > 0, were " + steps + " and " + batchSize);
        }
        if (warmupSteps >= steps) {
            warmupSteps = Math.max(0, steps / 10);
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
    }

    /**
     * Returns defaults for a number of steps: batch 32, lr 2e-3 to 2e-4, 5% warm-up, clip 1.
     *
     * @param steps planned steps
     * @return the options
     */
    public static TrainingOptions defaults(int steps) {
        return new TrainingOptions(steps, 32, 2e-3f, 2e-4f, Math.max(1, steps / 20), 0.01f, 1f,
                Duration.ofHours(1), 0, 1);
    }

    /**
     * Returns a copy with another time budget.
     *
     * @param budget the budget
     * @return the options
     */
    public TrainingOptions withTimeBudget(Duration budget) {
        return new TrainingOptions(steps, batchSize, peakLearningRate, minLearningRate, warmupSteps, weightDecay,
                clipNorm, budget, evalEvery, seed);
    }

    /**
     * Returns a copy with another peak and floor learning rate.
     *
     * @param peak the peak
     * @param floor the floor
     * @return the options
     */
    public TrainingOptions withLearningRate(float peak, float floor) {
        return new TrainingOptions(steps, batchSize, peak, floor, warmupSteps, weightDecay, clipNorm, timeBudget,
                evalEvery, seed);
    }

    /**
     * Returns a copy with another batch size.
     *
     * @param size the batch size
     * @return the options
     */
    public TrainingOptions withBatchSize(int size) {
        return new TrainingOptions(steps, size, peakLearningRate, minLearningRate, warmupSteps, weightDecay,
                clipNorm, timeBudget, evalEvery, seed);
    }
}
