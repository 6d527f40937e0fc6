package io.kefu.chaos.env;

import io.kefu.model.ComputeDevice;
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
    BaseTrainingOptions o = BaseTrainingOptions.defaults(storeDirectory)
        .withCorpus(1_200, 60, 120)
        .withSize(2, 2, 64, 128)
        .withSteps(120, Duration.ofSeconds(25))
        .withBatch(16, 3e-3f)
        .withRegularization(0f, 0.01f);
    return new BaseTrainingOptions(o.storeDirectory(), o.modelName(), o.version(), o.trainConversations(),
        o.heldOutConversations(), o.merges(), o.contextLength(), o.layers(), o.heads(), o.width(), o.steps(),
        o.batchSize(), o.peakLearningRate(), o.dropout(), o.weightDecay(), o.timeBudget(), o.seed(), ComputeDevice.CPU);
  }

  /** The stored small model, trained and saved first when {@code storeDirectory} does not hold it. */
  public static ModelArtifact ensureStored(Path storeDirectory, PrintStream progress) throws IOException {
    return BaseModelBootstrap.ensureStored(options(storeDirectory), progress);
  }
}
