package io.kefu.model.train;

import ai.djl.training.tracker.ParameterTracker;

/**
 * Learning rate: linear warm-up from 0 to the peak, then cosine decay to the floor at the last step.
 *
 * <p>The trainer may shorten it once it knows how many steps fit its time budget; only the training
 * thread touches it.
 */
public final class WarmupCosineSchedule implements ParameterTracker {

    private final float peak;
    private final float floor;
    private final int warmupSteps;
    private final int plannedSteps;
    private int totalSteps;

    /**
     * Creates the schedule.
     *
     * @param peak learning rate at the end of warm-up
     * @param floor learning rate at the last step
     * @param warmupSteps steps of linear warm-up
     * @param totalSteps steps in all
     */
    public WarmupCosineSchedule(float peak, float floor, int warmupSteps, int totalSteps) {
        if (!(peak > 0f) || floor < 0f || floor > peak) {
            throw new IllegalArgumentException("need 0 <= floor <= peak and peak > 0, were floor " + floor
                    + " and peak " + peak);
        }
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("need 0 <= warmupSteps < totalSteps, were " + warmupSteps
                    + " and " + totalSteps);
        }
        this.peak = peak;
        this.floor = floor;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
        this.plannedSteps = totalSteps;
    }

    /**
     * Moves the end of the schedule, so the decay still completes when time runs short.
     *
     * @param steps the new total, kept after the warm-up and at most the planned total
     */
    public void fitTo(int steps) {
        totalSteps = Math.max(warmupSteps + 1, Math.min(plannedSteps, steps));
    }

    /**
     * Returns the total number of steps.
     *
     * @return total steps
     */
    public int totalSteps() {
        return totalSteps;
    }

    /**
     * Returns the learning rate for a step.
     *
     * @param step the 1-based update number
     * @return the rate
     */
    public float rate(int step) {
        if (step <= warmupSteps) {
            return peak * step / (float) warmupSteps;
        }
        if (step >= totalSteps) {
            return floor;
        }
        double progress = (step - warmupSteps) / (double) (totalSteps - warmupSteps);
        return (float) (floor + 0.5 * (peak - floor) * (1.0 + Math.cos(Math.PI * progress)));
    }

    /** {@inheritDoc} DJL's optimizers count updates per parameter from 1. */
    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return rate(numUpdate);
    }
}
