package io.kefu.cli;

import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds the base model from the seed corpus and saves it in the model store. */
@Command(name = "train-base", mixinStandardHelpOptions = true,
    header = "Train the base model from the seed corpus (cached in the model store).",
    description = {"Generate the seed corpus, learn the BPE tokenizer, train the GPT (AdamW, warm-up + cosine,",
        "clipping) with a progress bar, evaluate on the held-out split and save the artifact (config, weights,",
        "tokenizer, metrics, SHA-256 manifest). Does nothing when the store already holds the version unless --force."})
public final class TrainBaseCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;
  @Mixin ModelOptions model;

  @Option(names = "--time-budget", paramLabel = "DURATION", description = "Stop training after this long, e.g. 7m (default: the tuned budget).")
  String timeBudget;

  @Option(names = "--steps", description = "Optimizer steps planned (default: the tuned count).")
  Integer steps;

  @Option(names = "--force", description = "Train again even when the store holds the base version.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path store = model.store(connection.load());
    BaseTrainingOptions defaults = BaseTrainingOptions.defaults(store);
    BaseTrainingOptions options = new BaseTrainingOptions(store, defaults.modelName(), defaults.version(),
        defaults.trainConversations(), defaults.heldOutConversations(), defaults.merges(), defaults.contextLength(),
        defaults.layers(), defaults.heads(), defaults.width(), defaults.steps(), defaults.batchSize(),
        defaults.peakLearningRate(), defaults.dropout(), defaults.weightDecay(), defaults.timeBudget(),
        defaults.seed(), model.device());
    if (steps != null || timeBudget != null) {
      options = options.withSteps(steps != null ? steps : options.steps(),
          timeBudget != null ? io.kefu.kafka.config.KefuConfig.parseDuration(timeBudget) : options.timeBudget());
    }
    if (!force && new io.kefu.model.store.FileSystemModelStore(store).versions().contains(options.version())) {
      out.println("kefu train-base: " + options.version() + " is already in " + store + " (use --force to retrain)");
      out.flush();
      return 0;
    }
    long t0 = System.nanoTime();
    BaseTrainer.Result result = BaseTrainer.trainFromSeedCorpus(options, System.err);
    try (var trained = result.model()) {
      out.printf("kefu train-base: saved %s in %s after %.1f min%n", options.version(), result.artifact().directory(),
          Duration.ofNanos(System.nanoTime() - t0).toMillis() / 60000.0);
    }
    out.flush();
    return 0;
  }
}
