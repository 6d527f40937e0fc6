package io.kefu.model.train;

/**
 * What a training run measured; written to the artifact's metrics.json.
 *
 * @param steps optimizer steps taken
 * @param plannedSteps steps the schedule planned (shortened to fit the time budget)
 * @param examples training examples that fit the context
 * @param skippedExamples examples left out because their reply could not fit
 * @param seconds wall-clock training time
 * @param tokensPerSecond input tokens processed per second
 * @param firstLoss loss of the first step
 * @param finalLoss mean loss of the last 20 steps
 * @param evalLoss mean reply-token cross entropy on the held-out set, NaN without one
 * @param stoppedByTimeBudget whether the time budget ended training early
 * @param skippedUpdates steps whose update was skipped because the loss or gradient was not finite
 */
public record TrainingMetrics(int steps, int plannedSteps, int examples, int skippedExamples, double seconds,
        double tokensPerSecond, float firstLoss, float finalLoss, float evalLoss, boolean stoppedByTimeBudget, int skippedUpdates) {}
