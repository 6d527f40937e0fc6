package io.kefu.finetune.bench;

import io.kefu.simulator.SimulatedCustomer;
import io.kefu.simulator.corpus.SeedCorpusScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fixed pool of held-out conversations every version is rated on: the first {@code size} held-out customers of
 * the pool seed whose message was never sent as traffic (so no version trained on it).
 *
 * @param customers the pool, in order
 * @param excluded candidates left out because their message had been sent
 */
record HeldOutPool(List<SimulatedCustomer> customers, int excluded) {
  private static final int MAX_CANDIDATES_PER_CUSTOMER = 50;

  HeldOutPool {
    customers = List.copyOf(customers);
  }

  /** The pool of {@code size} customers of {@code seed}, leaving out messages in {@code sent}. */
  static HeldOutPool of(long seed, int size, Set<String> sent) {
    SeedCorpusScenarios scenarios = new SeedCorpusScenarios(seed);
    List<SimulatedCustomer> customers = new ArrayList<>(size);
    int excluded = 0;
    long limit = (long) size * MAX_CANDIDATES_PER_CUSTOMER;
    for (long i = 0; customers.size() < size; i++) {
      if (i >= limit) {
        throw new IllegalStateException("only " + customers.size() + " of the first " + limit + " held-out "
            + "conversations of seed " + seed + " were never sent as traffic; " + size + " are needed");
      }
      SimulatedCustomer customer = scenarios.customer(i);
      if (sent.contains(customer.text())) {
        excluded++;
      } else {
        customers.add(customer);
      }
    }
    return new HeldOutPool(customers, excluded);
  }
}
