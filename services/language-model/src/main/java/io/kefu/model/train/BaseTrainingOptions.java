package io.kefu.model.train;

import io.kefu.model.ComputeDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to build the base model.
 *
 * @param storeDirectory the model store the artifact is saved into
 * @param modelName the model's name
 * @param version the artifact's version
 * @param trainConversations seed-corpus conversations to train on
 * @param heldOutConversations held-out conversations for the evaluation loss
 * @param merges BPE merges to learn at most
 * @param contextLength context length (T max)
 * @param layers transformer blocks
 * @param heads attention heads
 * @param width embedding width
 * @param steps optimizer steps planned
 * @param batchSize examples per step
 * @param peakLearningRate learning rate after warm-up
 * @param dropout dropout rate while training
 * @param weightDecay AdamW's decoupled weight decay
 * @param timeBudget stop training once this much time has passed since the start
 * @param seed seed for the corpus, initializer and batch order
 * @param device where to train
 */
public record BaseTrainingOptions(Path storeDirectory, String modelName, String version, int trainConversations,
        int heldOutConversations, int merges, int contextLength, int layers, int heads, int width, int steps,
        int batchSize, float peakLearningRate, float dropout, float weightDecay, Duration timeBudget, int seed,
        ComputeDevice device) {

    /** Default model name. */
    public static final String MODEL_NAME = "kefu-base";
    /** Default version of the base model. */
    public static final String VERSION = "base-1";

    /** Checks the required fields. */
    public BaseTrainingOptions {
        Objects.requireNonNull(storeDirectory, "storeDirectory");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(device, "device");
    }

    /**
     * Returns the defaults tuned to train within 9 minutes on 2 CPU cores: 36,000 conversations (about one
     * pass at the steps the budget allows, so blended phrasings and slot values rarely repeat),
     * 1,000 merges (common English words become single tokens: English held-out intent 94–96 % against 85–89 % with
     * 400, and conversations about a quarter shorter, so the budget trains more steps), 4 layers
     * of width 192 with 6 heads, context 256, up to 2,000 steps of 32 at a peak rate of 1.5e-3
     * fitted to an 8 min 10 s budget (the copy drills take their share of it), dropout 0.1 and weight decay 0.1.
     *
     * @param storeDirectory the model store
     * @return the options
     */
    public static BaseTrainingOptions defaults(Path storeDirectory) {
        return new BaseTrainingOptions(storeDirectory, MODEL_NAME, VERSION, 36_000, 400, 1000, 256, 4, 6, 192,
                2000, 32, 1.5e-3f, 0.1f, 0.1f, Duration.ofMinutes(8).plusSeconds(10), 1, ComputeDevice.AUTO);
    }

    /**
     * Returns a copy with another step count and time budget.
     *
     * @param newSteps planned steps
     * @param budget time budget
     * @return the options
     */
    public BaseTrainingOptions withSteps(int newSteps, Duration budget) {
        return new BaseTrainingOptions(storeDirectory, modelName, version, trainConversations, heldOutConversations,
                merges, contextLength, layers, heads, width, newSteps, batchSize, peakLearningRate, dropout, weightDecay,
                budget, seed, device);
    }

    /**
     * Returns a copy with another model size.
     *
     * @param newLayers layers
     * @param newHeads heads
     * @param newWidth width
     * @param newContext context length
     * @return the options
     */
    public BaseTrainingOptions withSize(int newLayers, int newHeads, int newWidth, int newContext) {
        return new BaseTrainingOptions(storeDirectory, modelName, version, trainConversations, heldOutConversations,
                merges, newContext, newLayers, newHeads, newWidth, steps, batchSize, peakLearningRate, dropout,
                weightDecay, timeBudget, seed, device);
    }

    /**
     * Returns a copy with other corpus sizes and merge count.
     *
     * @param train training conversations
     * @param heldOut held-out conversations
     * @param newMerges BPE merges
     * @return the options
     */
    public BaseTrainingOptions withCorpus(int train, int heldOut, int newMerges) {
        return new BaseTrainingOptions(storeDirectory, modelName, version, train, heldOut, newMerges, contextLength,
                layers, heads, width, steps, batchSize, peakLearningRate, dropout, weightDecay, timeBudget, seed, device);
    }

    /**
     * Returns a copy with other regularization.
     *
     * @param newDropout dropout rate
     * @param newWeightDecay weight decay
     * @return the options
     */
    public BaseTrainingOptions withRegularization(float newDropout, float newWeightDecay) {
        return new BaseTrainingOptions(storeDirectory, modelName, version, trainConversations, heldOutConversations,
                merges, contextLength, layers, heads, width, steps, batchSize, peakLearningRate, newDropout,
                newWeightDecay, timeBudget, seed, device);
    }

    /**
     * Returns a copy with another batch size and learning rate.
     *
     * @param newBatch batch size
     * @param newPeak peak learning rate
     * @return the options
     */
    public BaseTrainingOptions withBatch(int newBatch, float newPeak) {
        return new BaseTrainingOptions(storeDirectory, modelName, version, trainConversations, heldOutConversations,
                merges, contextLength, layers, heads, width, steps, newBatch, newPeak, dropout, weightDecay, timeBudget,
                seed, device);
    }

    /**
     * The base model in a small configuration that trains in seconds on the CPU, for tests and fault-injection runs
     * that need the real model but not its quality: 120 BPE merges, 2 layers of width 64 with 2 heads, context 128,
     * batch 16 at 3e-3, no dropout. Its replies are rough, and an unsure model hands most messages off.
     *
     * @param storeDirectory the model store
     * @param conversations training conversations from the seed corpus (a twentieth more are held out)
     * @param steps optimizer steps, which decide when training ends
     * @param cap a time budget that only stops a run on a machine much slower than expected
     * @return the options
     */
    public static BaseTrainingOptions small(Path storeDirectory, int conversations, int steps, Duration cap) {
        BaseTrainingOptions o = defaults(storeDirectory)
                .withCorpus(conversations, Math.max(1, conversations / 20), 120)
                .withSize(2, 2, 64, 128)
                .withSteps(steps, cap)
                .withBatch(16, 3e-3f)
                .withRegularization(0f, 0.01f);
        return new BaseTrainingOptions(o.storeDirectory, o.modelName, o.version, o.trainConversations,
                o.heldOutConversations, o.merges, o.contextLength, o.layers, o.heads, o.width, o.steps, o.batchSize,
                o.peakLearningRate, o.dropout, o.weightDecay, o.timeBudget, o.seed, ComputeDevice.CPU);
    }
}
