package io.kefu.simulator.corpus;

import io.kefu.corpus.Intent;
import io.kefu.corpus.Lang;
import io.kefu.corpus.ReplyJudge;
import io.kefu.simulator.ReplyAssessment;
import io.kefu.simulator.ReplyAssessor;
import io.kefu.simulator.SimulatedCustomer;

/**
 * A customer's eye from the corpus's {@link ReplyJudge}: the reply is on the right intent when it addresses the
 * customer's intent and no other; it names the order number when the customer's number appears whole; it has a
 * concrete next step when it addresses the intent and holds an action taken or a time to hold on to, in the
 * customer's language.
 */
public final class SeedCorpusAssessor implements ReplyAssessor {
  private final ReplyJudge judge = new ReplyJudge();

  @Override
  public ReplyAssessment assess(SimulatedCustomer customer, String reply) {
    Intent intent = intentOf(customer);
    Lang lang = langOf(customer);
    return new ReplyAssessment(judge.addresses(intent, reply),
        judge.mentionsOrderNumber(reply, customer.orderNumber()),
        judge.hasConcreteNextStep(intent, lang, reply));
  }

  private static Intent intentOf(SimulatedCustomer customer) {
    try {
      return Intent.valueOf(customer.intent());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("customer intent '" + customer.intent() + "' is not one of the corpus's "
          + "intents (e.g. ORDER_STATUS)", e);
    }
  }

  private static Lang langOf(SimulatedCustomer customer) {
    return switch (customer.locale()) {
      case EN -> Lang.EN;
      case ZH -> Lang.ZH;
      default -> throw new IllegalArgumentException("customer locale must be EN or ZH to be judged, was "
          + customer.locale());
    };
  }
}
