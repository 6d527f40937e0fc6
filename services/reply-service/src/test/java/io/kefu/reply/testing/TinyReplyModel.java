package io.kefu.reply.testing;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real, tiny Kefu language model (byte-level tokenizer, 2 layers, width 64) trained for a few seconds on a dozen
 * order questions per language, until it reproduces their replies exactly and ends them with {@code <|end|>}. On
 * other prompts it still ends its replies, but their text is not reliable: tests assert text only for
 * {@link #examples()}.
 */
public final class TinyReplyModel {
  /** What the model learns to say to an English message. */
  public static final String ENGLISH_REPLY = "Let me check that for you.";
  /** What the model learns to say to a Chinese message. */
  public static final String CHINESE_REPLY = "好的，我来帮您查。";
  /** The model's version label. */
  public static final String VERSION = "tiny-test-v1";

  private TinyReplyModel() {}

  /** Trains the model once per test JVM; test classes share it (the JVM frees it at exit). */
  private static final class Shared {
    static final LanguageModel MODEL = train();
  }

  /** The model shared by every test class in this JVM; do not close it. */
  public static LanguageModel shared() {
    return Shared.MODEL;
  }

  /** What {@link #secondVersion()} says to any message, in either language. */
  public static final String SECOND_VERSION_REPLY = "OK.";
  /** The version label of {@link #secondVersion()}. */
  public static final String SECOND_VERSION = "tiny-test-v2";

  /** Trains the second version once per test JVM. */
  private static final class SecondShared {
    static final LanguageModel MODEL = trainSecondVersion();
  }

  /**
   * A second tiny version, shared like {@link #shared()}: it answers every message, whatever the conversation, with
   * {@link #SECOND_VERSION_REPLY}, so a reply tells which version wrote it.
   */
  public static LanguageModel secondVersion() {
    return SecondShared.MODEL;
  }

  /** Trains the second version on varied conversations that all get the same reply; the caller closes it. */
  public static LanguageModel trainSecondVersion() {
    GptConfig config = tinyConfig();
    LanguageModel model = LanguageModel.initialize("tiny", SECOND_VERSION, config, BpeTokenizer.bytesOnly(),
        Device.cpu(), 11);
    TrainingOptions options = TrainingOptions.defaults(200).withBatchSize(8).withLearningRate(1e-2f, 1e-3f)
        .withTimeBudget(Duration.ofMinutes(2));
    List<ReplyExample> examples = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      boolean chinese = i % 2 == 1;
      int n = 7919 * i % 100_000;
      List<ChatTurn> history = new ArrayList<>();
      for (int k = 0; k < i % 3; k++) {
        history.add(ChatTurn.customer(chinese ? chineseMessage(n + k) : englishMessage(n + k)));
        history.add(ChatTurn.agent(k % 2 == 0 ? SECOND_VERSION_REPLY : chinese ? CHINESE_REPLY : ENGLISH_REPLY));
      }
      examples.add(ReplyExample.positive(history, chinese ? chineseMessage(n) : englishMessage(n),
          SECOND_VERSION_REPLY));
    }
    new ModelTrainer(options, null).train(model, examples, List.of());
    return model;
  }

  /**
   * The tiny models' shape: rotary embedding, no copy attention. The reply-service tests' handoff shares (how many
   * held-out messages the tiny model answers confidently) were set on this architecture; copy attention serves the
   * base model's copying of order numbers, which these fixtures do not exercise.
   */
  static GptConfig tinyConfig() {
    return new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), 128, 2, 2, 64, 0f, true, false);
  }

  /** The English customer message number {@code n}. */
  public static String englishMessage(int n) {
    return "where is my order " + n + "?";
  }

  /** The Chinese customer message number {@code n}. */
  public static String chineseMessage(int n) {
    return "我的订单" + n + "在哪里？";
  }

  /** Trains the model; the caller closes it. */
  public static LanguageModel train() {
    GptConfig config = tinyConfig();
    LanguageModel model = LanguageModel.initialize("tiny", VERSION, config, BpeTokenizer.bytesOnly(), Device.cpu(), 7);
    TrainingOptions options = TrainingOptions.defaults(200).withBatchSize(8).withLearningRate(1e-2f, 1e-3f)
        .withTimeBudget(Duration.ofMinutes(2));
    new ModelTrainer(options, null).train(model, examples(), List.of());
    return model;
  }

  /** An engine over {@code model} with room for 128 concurrent conversations. */
  public static GenerationEngine engine(LanguageModel model) {
    return new GenerationEngine(model, new EngineOptions(128, 2048, 0, 32));
  }

  /** The memorised conversations: up to two earlier exchanges, English and Chinese. */
  public static List<ReplyExample> examples() {
    List<ReplyExample> examples = new ArrayList<>();
    for (int history = 0; history <= 2; history++) {
      for (int variant = 0; variant < 2; variant++) {
        int n = 100 * history + 17 * variant + 3;
        examples.add(ReplyExample.positive(context(history, n, false), englishMessage(n), ENGLISH_REPLY));
        examples.add(ReplyExample.positive(context(history, n, true), chineseMessage(n), CHINESE_REPLY));
      }
    }
    return examples;
  }

  private static List<ChatTurn> context(int exchanges, int seed, boolean chinese) {
    List<ChatTurn> turns = new ArrayList<>();
    for (int i = 0; i < exchanges; i++) {
      int n = seed * 7 + i * 13;
      turns.add(ChatTurn.customer(chinese ? chineseMessage(n) : englishMessage(n)));
      turns.add(ChatTurn.agent(chinese ? CHINESE_REPLY : ENGLISH_REPLY));
    }
    return turns;
  }
}
