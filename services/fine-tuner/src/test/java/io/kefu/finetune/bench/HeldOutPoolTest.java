package io.kefu.finetune.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.simulator.SimulatedCustomer;
import io.kefu.simulator.corpus.SeedCorpusScenarios;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldOutPoolTest {

  @Test
  void shouldTakeTheFirstHeldOutCustomersOfItsSeedInOrder() {
    HeldOutPool pool = HeldOutPool.of(7, 44, Set.of());
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(7);

    assertThat(pool.excluded()).isZero();
    assertThat(pool.customers()).hasSize(44);
    for (int i = 0; i < 44; i++) {
      assertThat(pool.customers().get(i)).isEqualTo(scenarios.customer(i));
    }
    assertThat(HeldOutPool.of(7, 44, Set.of())).isEqualTo(pool);
  }

  @Test
  void shouldLeaveOutEveryMessageSentAsTrafficAndTakeTheNextOnes() {
    // Given that the messages of customers 3 and 10 were sent as traffic
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(7);
    Set<String> sent = Set.of(scenarios.customer(3).text(), scenarios.customer(10).text());

    // When the pool of 44 is drawn
    HeldOutPool pool = HeldOutPool.of(7, 44, sent);

    // Then it is the first 44 customers whose message was not sent, in order, and counts the ones it skipped
    List<SimulatedCustomer> expected = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; expected.size() < 44; i++) {
      SimulatedCustomer customer = scenarios.customer(i);
      if (sent.contains(customer.text())) {
        skipped++;
      } else {
        expected.add(customer);
      }
    }
    assertThat(pool.customers()).isEqualTo(expected).noneMatch(c -> sent.contains(c.text()));
    assertThat(pool.excluded()).isEqualTo(skipped).isGreaterThanOrEqualTo(2);
    assertThat(pool.customers()).doesNotContain(scenarios.customer(3), scenarios.customer(10));
  }

  @Test
  void shouldRefuseWhenTooFewConversationsWereNeverSent() {
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(7);
    Set<String> everything = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      everything.add(scenarios.customer(i).text());
    }
    assertThatThrownBy(() -> HeldOutPool.of(7, 2, everything))
        .hasMessageStartingWith("only ").hasMessageContaining("of the first 100 held-out conversations of seed 7");
  }
}
