package io.kefu.finetune;

import io.kefu.model.LanguageModel;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingMetrics;
import io.kefu.model.train.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a candidate in stages along one warm-up-cosine schedule and stops early on the validation intent score: after
 * each stage the candidate answers the validation conversations (held out, disjoint from the gate's), and the first
 * stage whose score falls more than {@code maxIntentDrop} points below the parent's ends training; the candidate is
 * then the last stage before it (or the first stage, when already that one fell).
 */
final class StagedTrainer {
  private static final Logger log = LoggerFactory.getLogger(StagedTrainer.class);

  private final FineTuneRecipe recipe;
  private final ModelEvaluator evaluator;
  private final PrintStream progress;

  /**
   * A trainer following {@code recipe} (its stages and early-stop bound), scoring stages with {@code evaluator}, and
   * showing progress on {@code progress} (null: none).
   */
  StagedTrainer(FineTuneRecipe recipe, ModelEvaluator evaluator, PrintStream progress) {
    this.recipe = recipe;
    this.evaluator = evaluator;
    this.progress = progress;
  }

  /**
   * What training produced.
   *
   * @param model the chosen candidate, owned by the caller
   * @param steps optimizer steps of the kept stages
   * @param plannedSteps steps of the whole schedule
   * @param seconds training and validation time of every stage run
   * @param firstLoss the first step's loss
   * @param finalLoss the kept stages' last mean loss
   * @param stoppedByTimeBudget whether the time budget cut training short
   * @param stagesRun stages trained
   * @param stagesKept stages the candidate has (stagesRun, or one less when the last fell below the bound)
   * @param validationIntents the validation intent score after each stage run, in percent
   */
  record Result(LanguageModel model, int steps, int plannedSteps, double seconds, float firstLoss, float finalLoss,
      boolean stoppedByTimeBudget, int stagesRun, int stagesKept, List<Double> validationIntents) {}

  /**
   * Trains {@code candidate} (a copy of the parent) on {@code train}, stopping early when the validation score falls
   * below {@code parentIntent} (the parent's score, or a stricter reference) by more than the recipe's bound.
   * Returns the chosen model; {@code candidate} is closed when another model is returned, and on failure.
   *
   * @throws IOException when a checkpoint cannot be written or read
   */
  Result train(LanguageModel candidate, double parentIntent, List<ReplyExample> train) throws IOException {
    TrainingOptions whole = recipe.options(train.size());
    int stages = Math.min(recipe.stages(), whole.steps());
    long start = System.nanoTime();
    long deadline = start + whole.timeBudget().toNanos();
    LanguageModel model = candidate;
    String name = candidate.name();
    String version = candidate.version();
    var config = candidate.config();
    var tokenizer = candidate.tokenizer();
    var device = candidate.device();
    Path checkpoint = null;
    try {
      checkpoint = Files.createTempFile("kefu-finetune-stage-", ".params");
      List<Double> intents = new ArrayList<>();
      int done = 0;
      int keptSteps = 0;
      float firstLoss = Float.NaN;
      float keptLoss = Float.NaN;
      boolean outOfTime = false;
      boolean reverted = false;
      for (int stage = 0; stage < stages && !outOfTime; stage++) {
        // Each stage is a trainer run of its own (fresh optimizer state) on its slice of the one schedule.
        int end = (int) Math.round((double) whole.steps() * (stage + 1) / stages);
        int steps = end - done;
        Duration left = Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
        float peak = stage == 0 ? whole.peakLearningRate() : rate(whole, done);
        int warmup = stage == 0 ? whole.warmupSteps() : Math.max(1, steps / 10);
        // the stage decays from its start to its end rate; at a stage boundary on the warm-up's last step, rounding
        // can put the end rate a hair above the start, which the schedule refuses
        float floor = Math.min(peak, rate(whole, end));
        TrainingOptions options = new TrainingOptions(steps, whole.batchSize(), peak, floor, warmup,
            whole.weightDecay(), whole.clipNorm(), left, 0, whole.seed() + stage);
        TrainingMetrics metrics = new ModelTrainer(options, progress).train(model, train, List.of());
        done = end;
        outOfTime = metrics.stoppedByTimeBudget();
        if (Float.isNaN(firstLoss)) {
          firstLoss = metrics.firstLoss();
        }
        double intent = stages == 1 ? Double.NaN : evaluator.validationIntent(model);
        intents.add(intent);
        log.info("{} stage {}/{}: {} steps, loss {}, validation intent {}% (reference {}%)", model.version(), stage + 1,
            stages, metrics.steps(), metrics.finalLoss(), intent, parentIntent);
        boolean fell = intent < parentIntent - recipe.earlyStopIntentDrop();
        if (fell && stage > 0) {
          model.close();
          model = LanguageModel.load(name, version, config, tokenizer, checkpoint, device);
          reverted = true;
          break;
        }
        keptSteps += metrics.steps();
        keptLoss = metrics.finalLoss();
        if (fell) {
          break;
        }
        if (stage + 1 < stages) {
          model.saveWeights(checkpoint);
        }
      }
      return new Result(model, keptSteps, whole.steps(), (System.nanoTime() - start) / 1e9, firstLoss, keptLoss,
          outOfTime, intents.size(), reverted ? intents.size() - 1 : intents.size(), List.copyOf(intents));
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    } finally {
      if (checkpoint != null) {
        Files.deleteIfExists(checkpoint);
      }
    }
  }

  /** The whole schedule's learning rate at {@code step}: linear warm-up, then cosine from peak to floor. */
  private static float rate(TrainingOptions whole, int step) {
    if (step < whole.warmupSteps()) {
      return whole.peakLearningRate() * Math.max(1, step) / whole.warmupSteps();
    }
    double progress = (double) (step - whole.warmupSteps()) / Math.max(1, whole.steps() - whole.warmupSteps());
    double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
    return (float) (whole.minLearningRate() + (whole.peakLearningRate() - whole.minLearningRate()) * cosine);
  }
}
