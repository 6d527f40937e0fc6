package io.kefu.poison.cases;

import java.util.Objects;

/**
 * One bad input of the matrix: its name, the topic it is written to, how its record is built, and what it must end
 * in.
 *
 * @param name unique, lower-case words joined by dashes; names the case's conversation and message ids
 * @param target the topic written to
 * @param input how the record is built, in words (raw bytes or Avro, and what is wrong with it)
 * @param expected what the record must end in
 * @param builder builds the record
 */
public record PoisonCase(String name, Target target, String input, Expected expected, PoisonBuilder builder) {

  public PoisonCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(builder, "builder");
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("case name must be lower-case words joined by dashes, was '" + name + "'");
    }
    boolean fits = switch (expected.outcome()) {
      case ANSWERED, HANDOFF, SKIPPED_DUPLICATE -> target == Target.CUSTOMER_MESSAGES;
      case TRAINING_EXAMPLE, IGNORED_DUPLICATE -> target == Target.FEEDBACK;
      case DLQ -> true;
    };
    if (!fits) {
      throw new IllegalArgumentException("case " + name + " on " + target + " cannot expect " + expected.label());
    }
  }
}
