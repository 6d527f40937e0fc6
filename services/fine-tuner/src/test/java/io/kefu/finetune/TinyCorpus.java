package io.kefu.finetune;

import ai.djl.Device;
import io.kefu.contract.ExampleSource;
import io.kefu.contract.Locale;
import io.kefu.contract.TrainingExample;
import io.kefu.model.LanguageModel;
import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.ReplyCheck;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.BpeTrainer;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A four-intent corpus small enough to train a tiny base model in seconds, with its own judge. */
public final class TinyCorpus implements BaseCorpus {
  static final List<String> INTENTS = List.of("order_status", "refund", "address", "cancel");
  private static final Map<String, List<String>> ASKS = Map.of(
      "order_status", List.of("where is my order %d?", "has order %d shipped?"),
      "refund", List.of("I want a refund for %d", "refund order %d please"),
      "address", List.of("change the address of %d", "new address for order %d"),
      "cancel", List.of("cancel order %d", "please cancel %d"));
  private static final Map<String, String> REPLIES = Map.of(
      "order_status", "Order %d ships tomorrow.",
      "refund", "Refund for %d is on its way.",
      "address", "Address of %d is updated.",
      "cancel", "Order %d is cancelled.");
  private static final Map<String, String> KEYWORDS = Map.of(
      "order_status", "ships", "refund", "Refund", "address", "Address", "cancel", "cancelled");

  /** One conversation of {@code intent} about order {@code n}, phrased the {@code phrasing}-th way. */
  static ReplyExample example(String intent, int n, int phrasing) {
    return ReplyExample.positive(List.of(), String.format(ASKS.get(intent).get(phrasing % 2), n),
        String.format(REPLIES.get(intent), n));
  }

  static List<ReplyExample> range(int from, int to) {
    List<ReplyExample> out = new ArrayList<>();
    for (int n = from; n < to; n++) {
      for (String intent : INTENTS) {
        out.add(example(intent, n, n));
      }
    }
    return out;
  }

  @Override
  public List<ReplyExample> replaySample(int count, long seed) {
    List<ReplyExample> all = range(10, 60);
    Random random = new Random(seed);
    List<ReplyExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(all.get(random.nextInt(all.size())));
    }
    return out;
  }

  @Override
  public List<ReplyExample> heldOutExamples() {
    return range(60, 70);
  }

  @Override
  public List<EvalCase> heldOutCases() {
    List<EvalCase> cases = new ArrayList<>();
    for (int n = 60; n < 70; n++) {
      for (String intent : INTENTS) {
        cases.add(new EvalCase(intent, "EN", List.of(), example(intent, n, n + 1).message()));
      }
    }
    return cases;
  }

  @Override
  public ReplyCheck replyCheck() {
    return new ReplyCheck() {
      @Override
      public boolean addresses(String intent, String reply) {
        return reply.contains(KEYWORDS.get(intent));
      }

      @Override
      public boolean endsProperly(String reply) {
        return reply.endsWith(".");
      }
    };
  }

  /** Trains the tiny base model and stores it as version {@code base}. */
  static void trainBase(FileSystemModelStore store) throws IOException {
    List<ReplyExample> train = range(10, 60);
    List<String> texts = new ArrayList<>();
    train.forEach(e -> {
      texts.add(e.message());
      texts.add(e.reply());
    });
    BpeTokenizer tokenizer = new BpeTrainer(60, 2).train(texts);
    // Learned positions only (no rotary embedding): the gate tests' expectations on this tiny model's intent and
    // preference figures were set on that architecture; the gate reads figures, whatever the architecture.
    GptConfig config = new GptConfig(tokenizer.vocabSize(), 48, 2, 2, 32, 0f, false);
    try (LanguageModel model = LanguageModel.initialize("kefu", "base", config, tokenizer, Device.cpu(), 3)) {
      new ModelTrainer(TrainingOptions.defaults(1500).withBatchSize(16).withLearningRate(3e-3f, 3e-4f), null)
          .train(model, train, List.of());
      store.save(model, null, Map.of("kind", "base"));
    }
  }

  /** A rated example as the feedback stream writes it. */
  static TrainingExample rated(String id, ReplyExample e, int rating, double weight) {
    return TrainingExample.newBuilder()
        .setExampleId(id)
        .setReplyId(id)
        .setConversationId("conv-" + id)
        .setContext(List.of())
        .setCustomerMessage(e.message())
        .setReply(e.reply())
        .setRating(rating)
        .setComment(null)
        .setWeight(weight)
        .setSource(ExampleSource.RATED_MODEL_REPLY)
        .setModelVersion("base")
        .setLocale(Locale.EN)
        .setRedactions(0)
        .setCreatedAt(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
  }

  /** {@code count} 5-star examples with the right replies, over orders 100... */
  static List<TrainingExample> goodExamples(String prefix, int count) {
    List<TrainingExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(rated(prefix + i, example(INTENTS.get(i % 4), 100 + i / 4, i), 5, 1.0));
    }
    return out;
  }

  /**
   * {@code count} 5-star examples whose replies belong to other conversations of the next intent (a shuffled, bad
   * training set). Always the next intent: when the wrong intent varied from example to example, a fine-tune learned
   * no consistent mistake and the fall in intent ranged from 5 to 12.5 points between runs, around the gate's bound.
   */
  static List<TrainingExample> shuffledExamples(String prefix, int count) {
    List<TrainingExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ReplyExample asked = example(INTENTS.get(i % 4), 100 + i / 4, i);
      ReplyExample other = example(INTENTS.get((i + 1) % 4), 300 + (i * 7) % 50, i);
      out.add(rated(prefix + i, new ReplyExample(List.of(), asked.message(), other.reply(), 1f), 5, 1.0));
    }
    return out;
  }
}
