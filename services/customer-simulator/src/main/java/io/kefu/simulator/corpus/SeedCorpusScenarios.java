package io.kefu.simulator.corpus;

import io.kefu.contract.Locale;
import io.kefu.corpus.Conversation;
import io.kefu.corpus.CorpusOptions;
import io.kefu.corpus.ReplyStyle;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.corpus.StyleMix;
import io.kefu.simulator.CustomerScenarios;
import io.kefu.simulator.SimulatedCustomer;
import java.util.random.RandomGenerator;

/**
 * Simulated customers from the seed corpus's held-out split: single-message conversations (no earlier turns, so the
 * message alone carries the order number the customer has in mind), every intent, English and Chinese. Customer
 * {@code i} is held-out conversation {@code i} of the corpus seed, so the same seed always gives the same customers;
 * the operator's answer to a handoff is the corpus's complete reply to that conversation.
 */
public final class SeedCorpusScenarios implements CustomerScenarios {
  private static final CorpusOptions SINGLE_MESSAGE = new CorpusOptions(StyleMix.BASE, 0.0);

  private final SeedCorpus corpus = new SeedCorpus(SINGLE_MESSAGE);
  private final long corpusSeed;

  /** Customers of the held-out split generated with {@code corpusSeed}. */
  public SeedCorpusScenarios(long corpusSeed) {
    this.corpusSeed = corpusSeed;
  }

  /** A customer drawn uniformly from the first 2^31 - 1 held-out conversations. */
  @Override
  public SimulatedCustomer next(RandomGenerator random) {
    return customer(random.nextInt(Integer.MAX_VALUE));
  }

  /**
   * Held-out conversation {@code index} as a customer; indices 0..n-1 cover every (intent, language) pair equally
   * when n is a multiple of {@link SeedCorpus#BLOCK}.
   */
  public SimulatedCustomer customer(long index) {
    Conversation conversation = corpus.conversation(Split.HELD_OUT, corpusSeed, index);
    return new SimulatedCustomer(conversation.customerMessage(), Locale.valueOf(conversation.lang().name()),
        conversation.intent().name(), conversation.orderNumber().orElse(null),
        corpus.reply(conversation, ReplyStyle.COMPLETE, corpusSeed));
  }
}
