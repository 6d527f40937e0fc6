package io.kefu.corpus;

import java.util.Objects;

/** One earlier utterance of a conversation. */
public record Turn(Role role, String text) {
  /** Checks both parts are present. */
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }
}
