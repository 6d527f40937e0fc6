package io.kefu.simulator;

import java.util.random.RandomGenerator;

/** Where simulated customers come from: normally the seed corpus's held-out phrasings, in both languages. */
public interface CustomerScenarios {

  /** The next customer, drawn with {@code random}. */
  SimulatedCustomer next(RandomGenerator random);
}
