package io.kefu.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.Intent;
import io.kefu.corpus.ReplyStyle;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.ReplyCheck;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.SeedExamples;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedBaseCorpusTest {
  private final SeedCorpus seed = SeedCorpus.withDefaults();

  @Test
  void shouldReplayOnlyTheBaseModelsTrainingConversations() {
    // Given the base corpus of seed 3 with a replay pool of the first 300 training conversations
    SeedBaseCorpus corpus = new SeedBaseCorpus(3, 300, 44);
    Set<ReplyExample> pool = new HashSet<>(SeedExamples.from(seed.generate(Split.TRAIN, 300, 3)));
    Set<ReplyExample> heldOut = new HashSet<>(SeedExamples.from(seed.generate(Split.HELD_OUT, 2_000, 3)));

    // When 500 conversations are replayed
    List<ReplyExample> replay = corpus.replaySample(500, 17);

    // Then each is one of those 300, at weight 1, and none is held out
    assertThat(replay).hasSize(500).allSatisfy(e -> {
      assertThat(pool).contains(e);
      assertThat(heldOut).doesNotContain(e);
      assertThat(e.weight()).isEqualTo(1f);
    });
    assertThat(new HashSet<>(replay).size()).isGreaterThan(150);
  }

  @Test
  void shouldReplayTheSameSampleForTheSameSeedAndAnotherForAnother() {
    SeedBaseCorpus corpus = new SeedBaseCorpus(3, 1_000, 44);
    assertThat(corpus.replaySample(50, 5)).isEqualTo(new SeedBaseCorpus(3, 1_000, 44).replaySample(50, 5));
    assertThat(corpus.replaySample(50, 6)).isNotEqualTo(corpus.replaySample(50, 5));
    assertThat(corpus.replaySample(0, 5)).isEmpty();
  }

  @Test
  void shouldHoldOutTheFirstHeldOutConversationsInBothLanguagesAsExamplesAndCases() {
    // Given a held-out set of 88 (two balanced blocks)
    SeedBaseCorpus corpus = new SeedBaseCorpus(4, 1_000, 88);
    List<Conversation> expected = seed.generate(Split.HELD_OUT, 88, 4);

    // Then examples and cases are those conversations, in order
    assertThat(corpus.heldOutExamples()).isEqualTo(SeedExamples.from(expected));
    List<EvalCase> cases = corpus.heldOutCases();
    assertThat(cases).hasSize(88);
    for (int i = 0; i < 88; i++) {
      assertThat(cases.get(i).message()).isEqualTo(expected.get(i).customerMessage());
      assertThat(cases.get(i).context()).isEqualTo(corpus.heldOutExamples().get(i).context());
      assertThat(Intent.valueOf(cases.get(i).intent())).isEqualTo(expected.get(i).intent());
    }
    // And every intent appears twice in each language
    Map<String, Long> perLanguage = cases.stream().collect(java.util.stream.Collectors.groupingBy(EvalCase::locale,
        java.util.stream.Collectors.counting()));
    assertThat(perLanguage).containsExactlyInAnyOrderEntriesOf(Map.of("EN", 44L, "ZH", 44L));
    assertThat(cases.stream().map(c -> c.intent() + c.locale()).distinct()).hasSize(44);
  }

  @Test
  void shouldJudgeRepliesWithTheCorpusReplyJudge() {
    ReplyCheck check = new SeedBaseCorpus(4, 1_000, 1).replyCheck();
    for (Conversation c : seed.generate(Split.HELD_OUT, 44, 9)) {
      String complete = seed.reply(c, ReplyStyle.COMPLETE, 1);
      String wrong = seed.reply(c, ReplyStyle.WRONG, 1);
      assertThat(check.addresses(c.intent().name(), complete)).as(complete).isTrue();
      assertThat(check.addresses(c.intent().name(), wrong)).as(wrong).isFalse();
      assertThat(check.endsProperly(complete)).as(complete).isTrue();
      assertThat(check.endsProperly(complete.substring(0, complete.length() / 2) + " and")).isFalse();
    }
  }

  @Test
  void shouldBeBuiltFromTheSettingsWithTheGateAndValidationCasesHeldOut() {
    KefuConfig config = KefuConfig.load(null, Map.of(FineTuneSettings.CORPUS_SEED, "4",
        FineTuneSettings.REPLAY_POOL, "10", FineTuneSettings.EVAL_CASES, "12", FineTuneSettings.VALIDATION_CASES, "6"));
    SeedBaseCorpus corpus = SeedBaseCorpus.fromConfig(config);
    assertThat(corpus.heldOutExamples()).isEqualTo(SeedExamples.from(seed.generate(Split.HELD_OUT, 18, 4)));
    assertThat(SeedExamples.from(seed.generate(Split.TRAIN, 10, 4))).containsAll(corpus.replaySample(30, 1));
    assertThatThrownBy(() -> new SeedBaseCorpus(4, 0, 12))
        .hasMessage("replay pool must hold at least 1 conversation, was 0");
  }
}
