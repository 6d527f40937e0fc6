package io.kefu.cli.demo;

import io.kefu.corpus.Split;
import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.model.train.SeedExamples;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The base model under its default names (version {@code base-1}) at a tiny size, trained on the seed corpus into a
 * model store, so the demo finds it there instead of training the full-size one for minutes: the reply service has
 * no setting for the size of the base model it trains on first start.
 */
final class TinyBaseModel {
  /** Training conversations; the fine-tuner's {@code finetune.replay.pool} must not exceed it. */
  static final int TRAIN_CONVERSATIONS = 600;
  /** The seed-corpus seed; the fine-tuner's {@code finetune.corpus.seed} must equal it. */
  static final int CORPUS_SEED = 1;

  private TinyBaseModel() {}

  /** Trains 2 layers of width 48 (300 merges, 220 steps) and saves them into {@code store} as {@code base-1}. */
  static void trainInto(Path store) throws IOException {
    BaseTrainingOptions options = BaseTrainingOptions.defaults(store)
        .withSize(2, 2, 48, 128)
        .withCorpus(TRAIN_CONVERSATIONS, 22, 300)
        .withSteps(220, Duration.ofSeconds(90))
        .withBatch(16, 3e-3f);
    BaseTrainer.Result trained = BaseTrainer.train(options,
        SeedExamples.generate(Split.TRAIN, TRAIN_CONVERSATIONS, CORPUS_SEED),
        SeedExamples.generate(Split.HELD_OUT, 22, CORPUS_SEED), new PrintStream(OutputStream.nullOutputStream()));
    trained.model().close();
  }
}
