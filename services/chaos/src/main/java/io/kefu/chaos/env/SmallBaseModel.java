package io.kefu.chaos.env;

import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.reply.serving.BaseModelBootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Kefu base model in a small configuration that trains in seconds on a slice of the seed corpus: it is
 * saved under the base model's name and version, so a reply service on the same store serves it instead of training
 * the full-size one.
 *
 * <p>Small means: 1,200 seed conversations, 120 BPE merges, 2 layers of width 64 with 2 heads, context 128, at most
 * 120 steps of 16 within 25 s, on the CPU. Its replies are rough; a chaos run cares that each message gets exactly
 * one answer, and an unsure model hands messages off, which counts as an answer too.
 */
public final class SmallBaseModel {
  private SmallBaseModel() {}

  /** The options of the small model in the store {@code storeDirectory}. */
  public static BaseTrainingOptions options(Path storeDirectory) {
    return BaseTrainingOptions.small(storeDirectory, 1200, 120, Duration.ofSeconds(25));
  }

  /** The stored small model, trained and saved first when {@code storeDirectory} does not hold it. */
  public static ModelArtifact ensureStored(Path storeDirectory, PrintStream progress) throws IOException {
    return BaseModelBootstrap.ensureStored(options(storeDirectory), progress);
  }
}
