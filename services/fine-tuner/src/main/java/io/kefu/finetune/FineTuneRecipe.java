package io.kefu.finetune;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.train.TrainingOptions;
import java.time.Duration;
import java.util.Locale;

/**
 * How a run trains: passes over its examples, the most steps, batch size, peak learning rate (cosine decay to a
 * tenth), time budget and seed, and the early stop: the schedule is trained in {@code stages}, and training stops at
 * the first stage whose validation intent score fell more than {@code earlyStopIntentDrop} points below the parent's
 * (1 stage: no early stop).
 */
public record FineTuneRecipe(int epochs, int maxSteps, int batchSize, float learningRate, Duration timeBudget,
    long seed, int stages, double earlyStopIntentDrop) {

  public FineTuneRecipe {
    if (epochs < 1 || maxSteps < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs, max steps and batch size must be >= 1, were " + epochs + ", "
          + maxSteps + " and " + batchSize);
    }
    if (stages < 1 || !(earlyStopIntentDrop >= 0)) {
      throw new IllegalArgumentException("stages must be >= 1 and the early-stop intent drop >= 0, were " + stages
          + " and " + earlyStopIntentDrop);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
    }
  }

  /** The recipe of the {@code finetune.*} settings. */
  public static FineTuneRecipe fromConfig(KefuConfig config) {
    return new FineTuneRecipe(config.getInt(FineTuneSettings.EPOCHS), config.getInt(FineTuneSettings.MAX_STEPS),
        config.getInt(FineTuneSettings.BATCH_SIZE), (float) config.getDouble(FineTuneSettings.LEARNING_RATE),
        config.getDuration(FineTuneSettings.TIME_BUDGET), config.getLong(FineTuneSettings.SEED),
        config.getInt(FineTuneSettings.STAGES), config.getDouble(FineTuneSettings.EARLY_STOP_INTENT_DROP));
  }

  /** The trainer's options for {@code examples} training examples. */
  public TrainingOptions options(int examples) {
    int steps = (int) Math.max(1, Math.min(maxSteps, Math.ceil((double) epochs * examples / batchSize)));
    return new TrainingOptions(steps, batchSize, learningRate, learningRate / 10, Math.max(1, steps / 10), 0.01f, 1f,
        timeBudget, 0, (int) seed);
  }

  /** A fingerprint of the recipe, part of a run's identity. */
  public String fingerprint() {
    return String.format(Locale.ROOT, "e%d-s%d-b%d-lr%s-seed%d-st%d-es%s", epochs, maxSteps, batchSize, learningRate,
        seed, stages, earlyStopIntentDrop);
  }
}
