package io.kefu.corpus;

import java.util.Objects;

/**
 * One earlier turn of a conversation.
 *
 * @param role who wrote it
 * @param text what was written
 */
public record Turn(Role role, String text) {

  /** Who wrote a turn. */
  public enum Role {
    /** The customer. */
    CUSTOMER,
    /** The agent. */
    AGENT
  }

  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  /** A customer turn. */
  public static Turn customer(String text) {
    return new Turn(Role.CUSTOMER, text);
  }

  /** An agent turn. */
  public static Turn agent(String text) {
    return new Turn(Role.AGENT, text);
  }
}
