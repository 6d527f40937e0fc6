package io.kefu.reply.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ReplyExample;
import io.kefu.reply.memory.RecentTurn;
import io.kefu.reply.testing.TinyReplyModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineReplyGeneratorTest {
  private static GenerationEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TinyReplyModel.engine(TinyReplyModel.shared());
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void shouldReturnTheModelsCompleteReplyWithItsVersionAndTokenStatistics() throws Exception {
    // Given a generator over the engine, decoding greedily
    EngineReplyGenerator generator = new EngineReplyGenerator(engine, SamplingSettings.greedy(40));

    // When replies to two memorised prompts, an English one with context and a Chinese one, are generated concurrently
    ReplyExample englishExample = TinyReplyModel.examples().stream()
        .filter(e -> e.context().size() == 2 && e.reply().equals(TinyReplyModel.ENGLISH_REPLY)).findFirst().orElseThrow();
    ReplyExample chineseExample = TinyReplyModel.examples().stream()
        .filter(e -> e.context().isEmpty() && e.reply().equals(TinyReplyModel.CHINESE_REPLY)).findFirst().orElseThrow();
    CompletableFuture<GeneratedReply> english = generator.generate(turns(englishExample), englishExample.message());
    CompletableFuture<GeneratedReply> chinese = generator.generate(turns(chineseExample), chineseExample.message());

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
    assertThat(en.modelNanos()).isPositive();
  }

  @Test
  void shouldReportAReplyCutOffByTheTokenLimitAsIncomplete() throws Exception {
    // Given a token limit shorter than the learned reply
    EngineReplyGenerator generator = new EngineReplyGenerator(engine, SamplingSettings.greedy(4));

    // When
    ReplyExample example = TinyReplyModel.examples().get(0);
    GeneratedReply reply = generator.generate(turns(example), example.message()).get(60, TimeUnit.SECONDS);

    // Then
    assertThat(reply.complete()).isFalse();
    assertThat(reply.tokens()).isEqualTo(4);
    assertThat(reply.text()).isEqualTo("Let ");
  }

  private static List<RecentTurn> turns(ReplyExample example) {
    return example.context().stream()
        .map(t -> t.role() == ChatTurn.Role.AGENT ? RecentTurn.agent(t.text()) : RecentTurn.customer(t.text()))
        .toList();
  }
}
