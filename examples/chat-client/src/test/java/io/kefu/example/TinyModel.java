package io.kefu.example;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingOptions;
import java.time.Duration;
import java.util.List;

/**
 * A real, tiny Kefu language model (byte-level tokenizer, 2 layers, width 64) trained for seconds to answer order
 * questions with {@link #REPLY}, so the reply service has something real to serve; its text on other prompts is
 * not reliable.
 */
final class TinyModel {
  /** What the model learns to say. */
  static final String REPLY = "Let me check that for you.";
  /** The model's version label. */
  static final String VERSION = "example-tiny-v1";

  private TinyModel() {}

  /** The customer message number {@code n} the model is trained on. */
  static String question(int n) {
    return "where is my order " + n + "?";
  }

  /** Trains the model; the caller closes it. */
  static LanguageModel train() {
    GptConfig config = new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), 128, 2, 2, 64, 0f);
    LanguageModel model = LanguageModel.initialize("tiny", VERSION, config, BpeTokenizer.bytesOnly(), Device.cpu(), 7);
    TrainingOptions options = TrainingOptions.defaults(150).withBatchSize(8).withLearningRate(1e-2f, 1e-3f)
        .withTimeBudget(Duration.ofSeconds(40));
    List<ReplyExample> examples = List.of(3, 20, 103, 120).stream()
        .map(n -> ReplyExample.positive(List.of(), question(n), REPLY))
        .toList();
    new ModelTrainer(options, null).train(model, examples, List.of());
    return model;
  }

  /** An engine over {@code model} with room for 16 concurrent conversations. */
  static GenerationEngine engine(LanguageModel model) {
    return new GenerationEngine(model, new EngineOptions(16, 2048, 0, 32));
  }
}
