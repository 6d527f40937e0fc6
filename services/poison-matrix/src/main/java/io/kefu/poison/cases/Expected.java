package io.kefu.poison.cases;

import java.util.Objects;

/**
 * The outcome a case must end in, with the reason where the outcome has one (the {@code kefu.dlq.reason} of a dead
 * letter, the reason of a handoff).
 *
 * @param outcome what must happen
 * @param reason the exact reason for {@link Outcome#DLQ} and {@link Outcome#HANDOFF}; null otherwise
 */
public record Expected(Outcome outcome, String reason) {

  public Expected {
    Objects.requireNonNull(outcome, "outcome");
    boolean needsReason = outcome == Outcome.DLQ || outcome == Outcome.HANDOFF;
    if (needsReason && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException(outcome + " needs a reason, was " + reason);
    }
    if (!needsReason && reason != null) {
      throw new IllegalArgumentException(outcome + " takes no reason, was " + reason);
    }
  }

  public static Expected dlq(String reason) {
    return new Expected(Outcome.DLQ, reason);
  }

  public static Expected answered() {
    return new Expected(Outcome.ANSWERED, null);
  }

  public static Expected handoff(String reason) {
    return new Expected(Outcome.HANDOFF, reason);
  }

  public static Expected skippedDuplicate() {
    return new Expected(Outcome.SKIPPED_DUPLICATE, null);
  }

  public static Expected trainingExample() {
    return new Expected(Outcome.TRAINING_EXAMPLE, null);
  }

  public static Expected ignoredDuplicate() {
    return new Expected(Outcome.IGNORED_DUPLICATE, null);
  }

  /** The outcome as the table shows it, e.g. {@code DLQ WRONG_MAGIC_BYTE}. */
  public String label() {
    return reason == null ? outcome.name() : outcome.name() + " " + reason;
  }

  /** True when the service must write something for this record (a reply, a dead letter or an example). */
  public boolean writesOutput() {
    return outcome != Outcome.SKIPPED_DUPLICATE && outcome != Outcome.IGNORED_DUPLICATE;
  }
}
