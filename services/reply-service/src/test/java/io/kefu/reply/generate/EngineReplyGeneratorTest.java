package io.kefu.reply.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.reply.memory.RecentTurn;
import io.kefu.reply.testing.TinyReplyModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineReplyGeneratorTest {
  private static LanguageModel model;
  private static GenerationEngine engine;

  @BeforeAll
  static void trainModel() {
    model = TinyReplyModel.train();
    engine = TinyReplyModel.engine(model);
  }

  @AfterAll
  static void closeModel() {
    engine.close();
    model.close();
  }

  @Test
  void shouldReturnTheModelsCompleteReplyWithItsVersionAndTokenStatistics() throws Exception {
    // Given a generator over the engine, decoding greedily
    EngineReplyGenerator generator = new EngineReplyGenerator(engine, SamplingSettings.greedy(40));

    // When replies to an English message with context and a Chinese one without are generated concurrently
    CompletableFuture<GeneratedReply> english = generator.generate(
        List.of(RecentTurn.customer(TinyReplyModel.englishMessage(5)), RecentTurn.agent(TinyReplyModel.ENGLISH_REPLY)),
        TinyReplyModel.englishMessage(77));
    CompletableFuture<GeneratedReply> chinese = generator.generate(List.of(), TinyReplyModel.chineseMessage(8));

    // Then each is the learned reply, ended by the model itself, from the engine's version
    GeneratedReply en = english.get(60, TimeUnit.SECONDS);
    GeneratedReply zh = chinese.get(60, TimeUnit.SECONDS);
    assertThat(en.text()).isEqualTo(TinyReplyModel.ENGLISH_REPLY);
    assertThat(zh.text()).isEqualTo(TinyReplyModel.CHINESE_REPLY);
    assertThat(en.complete()).isTrue();
    assertThat(en.modelVersion()).isEqualTo(TinyReplyModel.VERSION);
    assertThat(generator.modelVersion()).isEqualTo(TinyReplyModel.VERSION);
    assertThat(en.tokens()).isEqualTo(TinyReplyModel.ENGLISH_REPLY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(en.meanLogProb()).isNegative().isGreaterThan(Math.log(0.5));
  }

  @Test
  void shouldReportAReplyCutOffByTheTokenLimitAsIncomplete() throws Exception {
    // Given a token limit shorter than the learned reply
    EngineReplyGenerator generator = new EngineReplyGenerator(engine, SamplingSettings.greedy(4));

    // When
    GeneratedReply reply = generator.generate(List.of(), TinyReplyModel.englishMessage(9)).get(60, TimeUnit.SECONDS);

    // Then
    assertThat(reply.complete()).isFalse();
    assertThat(reply.tokens()).isEqualTo(4);
    assertThat(reply.text()).isEqualTo("Let ");
  }
}
