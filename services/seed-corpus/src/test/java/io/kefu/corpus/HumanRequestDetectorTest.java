package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HumanRequestDetectorTest {

  @Test
  void shouldSpotEveryRequestForAPersonInBothSplitsAndNothingElse() {
    // Given final customer messages of both splits (held-out phrasings were not used to write the detector's phrases)
    SeedCorpus corpus = SeedCorpus.withDefaults();
    List<Conversation> all = new ArrayList<>(corpus.generate(Split.TRAIN, 8_000, 41));
    all.addAll(corpus.generate(Split.HELD_OUT, 8_000, 41));

    // Then exactly the ASK_FOR_HUMAN messages ask for a human
    assertThat(all).filteredOn(c -> c.intent() == Intent.ASK_FOR_HUMAN).hasSizeGreaterThan(500)
        .allSatisfy(c -> assertThat(HumanRequestDetector.asksForHuman(c.customerMessage())).as(c.customerMessage())
            .isTrue());
    assertThat(all).filteredOn(c -> c.intent() != Intent.ASK_FOR_HUMAN)
        .allSatisfy(c -> assertThat(HumanRequestDetector.asksForHuman(c.customerMessage())).as(c.customerMessage())
            .isFalse());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" asks for a human: {1}")
  @CsvSource(delimiter = '|', value = {
      "I want to talk to a human|true",
      "Can I speak with someone from your team?|true",
      "Please transfer me to customer support|true",
      "A REAL PERSON PLEASE|true",
      "转人工|true",
      "我要人工客服|true",
      "让真人来回答|true",
      "Where is my order ORD-12345678?|false",
      "That policy is inhumane.|false",
      "The person who delivered it was nice.|false",
      "我的订单到哪了？|false",
      "你好，有人吗？|false",
  })
  void shouldRecogniseRequestsForAPersonInEnglishAndChinese(String message, boolean expected) {
    assertThat(HumanRequestDetector.asksForHuman(message)).isEqualTo(expected);
  }
}
