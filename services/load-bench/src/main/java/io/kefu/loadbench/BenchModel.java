package io.kefu.loadbench;

import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The model that answers the load, with a line saying which it is.
 *
 * @param model the open model (closed with this)
 * @param description which model, how big, and where it came from
 */
public record BenchModel(LanguageModel model, String description) implements AutoCloseable {
  /** Version label of the small model. */
  public static final String SMALL_VERSION = "load-small-1";

  /**
   * Trains the small model (or reads the stored one) as {@code options} say, into or from the store.
   *
   * @param scratchStore where the small model is saved while it trains
   * @throws IOException when the store cannot be read or written
   * @throws IllegalArgumentException when the named version is not in the store
   */
  public static BenchModel open(LoadOptions options, Path scratchStore, PrintStream progress) throws IOException {
    return switch (options.model()) {
      case SMALL -> small(scratchStore, options.smallTrainingBudget(), options, progress);
      case DEFAULT -> stored(options);
    };
  }

  private static BenchModel small(Path store, Duration budget, LoadOptions options, PrintStream progress)
      throws IOException {
    // 2 layers of width 64 over a 200-merge vocabulary: a decode step is cheap enough for thousands of replies/s.
    BaseTrainingOptions small = new BaseTrainingOptions(store, BaseTrainingOptions.MODEL_NAME, SMALL_VERSION, 4000,
        100, 200, 128, 2, 2, 64, 1000, 16, 3e-3f, 0f, 0.01f, budget, 1, options.device());
    progress.printf(Locale.ROOT, "training the small model for up to %d s%n", budget.toSeconds());
    BaseTrainer.Result result = BaseTrainer.trainFromSeedCorpus(small, progress);
    return new BenchModel(result.model(), "small " + describe(result.model()) + ", trained in-process for "
        + String.format(Locale.ROOT, "%.0f s", result.metrics().seconds()));
  }

  private static BenchModel stored(LoadOptions options) throws IOException {
    FileSystemModelStore store = new FileSystemModelStore(options.storeDirectory());
    if (!store.versions().contains(options.modelVersion())) {
      throw new IllegalArgumentException("model version " + options.modelVersion() + " is not in the store "
          + options.storeDirectory().toAbsolutePath() + " (it holds " + store.versions()
          + "); train it with `kefu train-base` or use --model small");
    }
    LanguageModel model = store.load(options.modelVersion(), options.device().resolve());
    return new BenchModel(model, "stored " + describe(model) + " from " + options.storeDirectory().toAbsolutePath());
  }

  private static String describe(LanguageModel model) {
    GptConfig c = model.config();
    return String.format(Locale.ROOT, "%s:%s (%d layers, width %d, context %d, %.2fM parameters, on %s)", model.name(),
        model.version(), c.layers(), c.width(), c.contextLength(), c.parameterCount() / 1e6, model.device());
  }

  @Override
  public void close() {
    model.close();
  }
}
