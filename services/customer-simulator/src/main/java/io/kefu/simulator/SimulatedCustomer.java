package io.kefu.simulator;

import io.kefu.contract.Locale;
import java.util.Objects;

/**
 * One simulated customer's message and what the customer has in mind while judging the answer.
 *
 * @param text what the customer writes
 * @param locale its language
 * @param intent the intent the customer means (the corpus's intent name)
 * @param orderNumber the order number the customer is asking about, or null when the message names none
 * @param operatorReply what a human operator answers when the conversation is handed off, or null when the scenario
 *     has no such answer (then a handoff stays unanswered)
 */
public record SimulatedCustomer(String text, Locale locale, String intent, String orderNumber, String operatorReply) {
  public SimulatedCustomer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(intent, "intent");
  }

  /** A customer whose handoffs no operator answers. */
  public SimulatedCustomer(String text, Locale locale, String intent, String orderNumber) {
    this(text, locale, intent, orderNumber, null);
  }
}
