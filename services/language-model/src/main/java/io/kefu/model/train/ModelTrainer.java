package io.kefu.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link LanguageModel} on weighted reply examples with AdamW, warm-up plus cosine decay,
 * global-norm clipping and the {@link ReplyLoss}; shows a progress bar and evaluates held-out loss.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    private static final int EVAL_BATCH = 32;
    private static final int FINAL_LOSS_WINDOW = 20;
    private static final int MAX_SKIPPED_IN_A_ROW = 5;
    private static final int RESCHEDULE_EVERY = 50;

    private final TrainingOptions options;
    private final PrintStream progressOut;

    /**
     * Creates a trainer.
     *
     * @param options how to train
     * @param progressOut where the progress bar draws (null: no bar)
     */
    public ModelTrainer(TrainingOptions options, PrintStream progressOut) {
        this.options = options;
        this.progressOut = progressOut;
    }

    /**
     * Trains the model in place.
     *
     * @param model the model (its parameters are updated)
     * @param train training examples
     * @param heldOut held-out examples for the evaluation loss (may be empty)
     * @return what the run measured
     */
    public TrainingMetrics train(LanguageModel model, List<ReplyExample> train, List<ReplyExample> heldOut) {
        PyTorchRuntime.engine().setRandomSeed(options.seed());
        // Training's large matmuls use every core (a decode loop in the same process may have set one thread).
        PyTorchRuntime.setThreadIntraOpThreads(PyTorchRuntime.defaultThreads());
        int context = model.config().contextLength();
        List<EncodedExample> encoded = EncodedExample.encodeAll(model.promptFormat(), train, context);
        BatchPlan plan = new BatchPlan(encoded, options.batchSize(), options.seed());
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(options.peakLearningRate(),
                options.minLearningRate(), options.warmupSteps(), options.steps());
        Optimizer adamW = Optimizer.adamW()
                .optLearningRateTracker(schedule)
                .optBeta1(0.9f)
                .optBeta2(0.99f)
                .optWeightDecays(options.weightDecay())
                .build();
        // Every reply token weighs the same in every batch, whatever the lengths of the batch's replies.
        ReplyLoss loss = new ReplyLoss(ReplyLoss.meanReplyTokens(encoded));
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(adamW)
                .optDevices(new Device[] {model.device()});
        GradientClipper clipper = new GradientClipper(options.clipNorm());
        // Parameters read from a file do not track gradients until asked to.
        model.block().getParameters().values().stream()
                .filter(parameter -> parameter.requiresGradient() && !parameter.getArray().hasGradient())
                .forEach(parameter -> parameter.getArray().setRequiresGradient(true));
        ProgressBar bar = progressOut == null ? null
                : new ProgressBar(progressOut, "train " + model.version(), options.steps(), System::nanoTime);
        long start = System.nanoTime();
        long deadline = start + options.timeBudget().toNanos();
        long tokens = 0;
        float firstLoss = Float.NaN;
        float evalLoss = Float.NaN;
        Deque<Float> recent = new ArrayDeque<>();
        int step = 0;
        int skipped = 0;
        int skippedInARow = 0;
        long lastPaceNanos = start;
        int lastPaceStep = 0;
        boolean outOfTime = false;
        try (Trainer trainer = model.djlModel().newTrainer(config)) {
            while (step < schedule.totalSteps()) {
                if (System.nanoTime() > deadline) {
                    outOfTime = true;
                    break;
                }
                float value;
                long stepTokens;
                try (NDManager batchManager = trainer.getManager().newSubManager()) {
                    TrainingBatch batch = TrainingBatch.of(batchManager, plan.next());
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(batch.inputs()); // (B, T, V)
                        NDArray lossValue = loss.evaluate(batch.labels(), logits); // ()
                        collector.backward(lossValue);
                        value = lossValue.getFloat();
                    }
                    float norm = clipper.clip(model.block().getParameters(), batchManager);
                    // A rare overflow must not poison the weights: skip that update instead.
                    if (Float.isFinite(value) && Float.isFinite(norm)) {
                        trainer.step();
                        skippedInARow = 0;
                    } else if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                        throw new IllegalStateException("training diverged: loss " + value + ", gradient norm " + norm
                                + " for " + skippedInARow + " steps in a row at step " + (step + 1));
                    } else {
                        skipped++;
                        clearGradients(model);
                        LOG.warn("skipping the update of step {}: loss {}, gradient norm {}", step + 1, value, norm);
                    }
                    stepTokens = batch.inputs().head().size();
                    tokens += stepTokens;
                }
                step++;
                if (Float.isNaN(firstLoss)) {
                    firstLoss = value;
                }
                if (!Float.isFinite(value)) {
                    continue;
                }
                recent.addLast(value);
                if (recent.size() > FINAL_LOSS_WINDOW) {
                    recent.removeFirst();
                }
                if (bar != null) {
                    bar.update(step, value, stepTokens);
                }
                if (step >= RESCHEDULE_EVERY && step % RESCHEDULE_EVERY == 0) {
                    // Fit the schedule to the time budget at the recent pace, keeping 3% in reserve.
                    long now = System.nanoTime();
                    double perStep = (now - lastPaceNanos) / (double) (step - lastPaceStep);
                    lastPaceNanos = now;
                    lastPaceStep = step;
                    schedule.fitTo(Math.max(step + 1, step + (int) ((deadline - now) * 0.97 / perStep)));
                    if (bar != null) {
                        bar.retarget(schedule.totalSteps());
                    }
                }
                if (options.evalEvery() > 0 && step % options.evalEvery() == 0 && !heldOut.isEmpty()) {
                    evalLoss = evaluationLoss(model, heldOut);
                    LOG.info("step {}: eval loss {}", step, evalLoss);
                }
            }
        }
        float finalLoss = (float) recent.stream().mapToDouble(Float::doubleValue).average().orElse(Double.NaN);
        if (bar != null) {
            bar.finish(step, finalLoss);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!heldOut.isEmpty()) {
            evalLoss = evaluationLoss(model, heldOut);
        }
        return new TrainingMetrics(step, schedule.totalSteps(), encoded.size(), train.size() - encoded.size(), seconds,
                tokens / seconds, firstLoss, finalLoss, evalLoss, outOfTime, skipped);
    }

    /**
     * Computes the mean reply-token cross entropy of examples, without updating anything.
     *
     * @param model the model
     * @param examples the examples (weights are ignored: all count as positive)
     * @return mean loss per reply token
     */
    public static float evaluationLoss(LanguageModel model, List<ReplyExample> examples) {
        List<EncodedExample> encoded = EncodedExample.encodeAll(model.promptFormat(), examples,
                model.config().contextLength());
        ReplyLoss loss = new ReplyLoss();
        double total = 0;
        long count = 0;
        for (int from = 0; from < encoded.size(); from += EVAL_BATCH) {
            List<EncodedExample> part = encoded.subList(from, Math.min(encoded.size(), from + EVAL_BATCH))
                    .stream().map(e -> new EncodedExample(e.sequence(), 1f)).toList();
            try (NDManager manager = model.manager().newSubManager()) {
                TrainingBatch batch = TrainingBatch.of(manager, part);
                ParameterStore store = model.inferenceStore(manager);
                NDList logits = model.block().forward(store, batch.inputs(), false); // (B, T, V)
                total += loss.evaluate(batch.labels(), logits).getFloat() * batch.targetTokens();
                count += batch.targetTokens();
            }
        }
        return count == 0 ? Float.NaN : (float) (total / count);
    }

    /**
     * Sets every gradient to zero after a skipped update: the engine resets gradients by subtracting them from
     * themselves, which leaves a NaN in place, so one overflow would otherwise poison every later step.
     */
    static void clearGradients(LanguageModel model) {
        for (var parameter : model.block().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                array.getGradient().set(new NDIndex("..."), 0f);
            }
        }
    }
}
