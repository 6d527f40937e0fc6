package io.kefu.reply.handoff;

import io.kefu.contract.HandoffReason;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides when a person takes over: before generation when the customer asks for one, after generation when the
 * reply's confidence is below the threshold or 0 (a blank or garbled reply, or one cut off by a length limit, which a
 * customer must not see).
 */
public final class HandoffPolicy {
  private final double confidenceThreshold;
  private final Predicate<String> asksForPerson;

  /**
   * A policy handing off below {@code confidenceThreshold} (0..1) and whenever {@code asksForPerson} accepts the
   * customer's text.
   */
  public HandoffPolicy(double confidenceThreshold, Predicate<String> asksForPerson) {
    if (!(confidenceThreshold >= 0.0 && confidenceThreshold <= 1.0)) {
      throw new IllegalArgumentException("confidence threshold must be 0..1, was " + confidenceThreshold);
    }
    this.confidenceThreshold = confidenceThreshold;
    this.asksForPerson = asksForPerson;
  }

  /** CUSTOMER_ASKED when the customer's text asks for a person; then the model is not asked at all. */
  public Optional<HandoffReason> beforeGeneration(String customerText) {
    return asksForPerson.test(customerText) ? Optional.of(HandoffReason.CUSTOMER_ASKED) : Optional.empty();
  }

  /** LOW_CONFIDENCE when {@code confidence} (see {@code ConfidenceMapping}) is below the threshold or 0. */
  public Optional<HandoffReason> afterGeneration(double confidence) {
    return confidence < confidenceThreshold || confidence <= 0.0
        ? Optional.of(HandoffReason.LOW_CONFIDENCE)
        : Optional.empty();
  }

  public double confidenceThreshold() {
    return confidenceThreshold;
  }
}
