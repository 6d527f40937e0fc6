package io.kefu.poison.env;

import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.reply.serving.BaseModelBootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Kefu base model in a small configuration trained in seconds on a slice of the seed corpus, saved under
 * the base model's name and version so that a reply service on the same store serves it instead of training the
 * full-size one.
 *
 * <p>Small: 1,000 seed conversations, 120 BPE merges, 2 layers of width 64 with 2 heads, context 128, 300 steps of
 * 16 on the CPU (about 10 s on 2 idle cores). The 60 s budget is only a cap: a model cut short by a busy machine
 * hands most messages off and leaves the feedback cases too few model replies to rate, so the steps, not the clock,
 * should decide (at 150 steps every greedy reply still ran to the 48-token limit and was handed off as cut off). Its
 * replies are rough; the matrix cares that each input gets its outcome.
 */
public final class SmallModel {
  private SmallModel() {}

  /** The training options of the small model in {@code storeDirectory}. */
  public static BaseTrainingOptions options(Path storeDirectory) {
    return BaseTrainingOptions.small(storeDirectory, 1000, 300, Duration.ofSeconds(60));
  }

  /** The stored small model, trained and saved first when {@code storeDirectory} does not hold it. */
  public static ModelArtifact ensureStored(Path storeDirectory, PrintStream progress) throws IOException {
    return BaseModelBootstrap.ensureStored(options(storeDirectory), progress);
  }
}
