package io.kefu.simulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Locale;
import io.kefu.corpus.Conversation;
import io.kefu.corpus.CorpusOptions;
import io.kefu.corpus.Intent;
import io.kefu.corpus.ReplyStyle;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.corpus.StyleMix;
import io.kefu.simulator.HiddenPreference;
import io.kefu.simulator.ReplyAssessment;
import io.kefu.simulator.SimulatedCustomer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedCorpusScenariosTest {
  private static final SeedCorpus SINGLE_MESSAGE = new SeedCorpus(new CorpusOptions(StyleMix.BASE, 0.0));

  @Test
  void shouldDrawCustomersFromTheHeldOutSplitOnly() {
    // Given the scenarios of corpus seed 3
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(3);

    // When the first 88 customers are taken
    // Then each is the held-out conversation of the same index, message and order number alike
    for (int i = 0; i < 88; i++) {
      Conversation heldOut = SINGLE_MESSAGE.conversation(Split.HELD_OUT, 3, i);
      SimulatedCustomer customer = scenarios.customer(i);
      assertThat(customer.text()).isEqualTo(heldOut.customerMessage());
      assertThat(customer.intent()).isEqualTo(heldOut.intent().name());
      assertThat(customer.orderNumber()).isEqualTo(heldOut.orderNumber().orElse(null));
    }
    // And no drawn customer's message or order number occurs in the first 4,400 training conversations
    Set<String> trainMessages = new HashSet<>();
    Set<String> trainOrders = new HashSet<>();
    for (Conversation c : SeedCorpus.withDefaults().generate(Split.TRAIN, 4_400, 3)) {
      trainMessages.add(c.customerMessage());
      c.orderNumber().ifPresent(trainOrders::add);
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 440; i++) {
      SimulatedCustomer customer = scenarios.next(random);
      assertThat(trainMessages).doesNotContain(customer.text());
      if (customer.orderNumber() != null) {
        assertThat(trainOrders).doesNotContain(customer.orderNumber());
      }
    }
  }

  @Test
  void shouldCoverEveryIntentInBothLanguagesEqually() {
    // Given the first 88 customers of seed 5 (two balanced blocks of 22 intents x 2 languages)
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(5);
    Map<String, Integer> pairs = new HashMap<>();
    for (int i = 0; i < 2 * SeedCorpus.BLOCK; i++) {
      SimulatedCustomer customer = scenarios.customer(i);
      pairs.merge(customer.intent() + "/" + customer.locale(), 1, Integer::sum);
    }

    // Then every (intent, language) pair appears exactly twice
    assertThat(pairs).hasSize(Intent.values().length * 2);
    assertThat(pairs.values()).containsOnly(2);
    assertThat(pairs).containsKeys("ORDER_STATUS/" + Locale.EN, "ORDER_STATUS/" + Locale.ZH);
  }

  @Test
  void shouldGiveTheSameCustomersForTheSameSeedsAndOthersForOtherSeeds() {
    List<SimulatedCustomer> first = draw(new SeedCorpusScenarios(9), 7);
    List<SimulatedCustomer> again = draw(new SeedCorpusScenarios(9), 7);
    List<SimulatedCustomer> otherCorpus = draw(new SeedCorpusScenarios(10), 7);
    List<SimulatedCustomer> otherDraws = draw(new SeedCorpusScenarios(9), 8);

    assertThat(again).isEqualTo(first);
    assertThat(otherCorpus).isNotEqualTo(first);
    assertThat(otherDraws).isNotEqualTo(first);
  }

  @Test
  void shouldGiveOperatorAnswersTheHiddenPreferenceRatesCompleteAndCorpusRepliesTheirStyle() {
    // Given 176 held-out customers, the corpus assessor and a noiseless preference
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(21);
    SeedCorpusAssessor assessor = new SeedCorpusAssessor();
    HiddenPreference preference = new HiddenPreference(5, 3, 2, 1, 0.0);
    for (int i = 0; i < 4 * SeedCorpus.BLOCK; i++) {
      SimulatedCustomer customer = scenarios.customer(i);
      Conversation conversation = SINGLE_MESSAGE.conversation(Split.HELD_OUT, 21, i);

      // Then the operator's answer is complete: 5 stars
      assertThat(preference.stars(customer, assessor.assess(customer, customer.operatorReply())))
          .as("operator answer %s to %s", customer.operatorReply(), customer.text()).isEqualTo(5);
      // And a terse corpus reply is on the intent with neither the order number nor a next step
      String terse = SINGLE_MESSAGE.reply(conversation, ReplyStyle.TERSE, 1);
      assertThat(assessor.assess(customer, terse)).as(terse).isEqualTo(new ReplyAssessment(true, false, false));
      // And a reply written for another intent is off the intent: 1 star
      String wrong = SINGLE_MESSAGE.reply(conversation, ReplyStyle.WRONG, 1);
      assertThat(preference.stars(customer, assessor.assess(customer, wrong))).as(wrong).isEqualTo(1);
    }
  }

  private static List<SimulatedCustomer> draw(SeedCorpusScenarios scenarios, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SimulatedCustomer> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(scenarios.next(random));
    }
    return out;
  }
}
