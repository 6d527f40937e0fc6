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
 */
public record SimulatedCustomer(String text, Locale locale, String intent, String orderNumber) {
  public SimulatedCustomer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(intent, "intent");
  }
}
