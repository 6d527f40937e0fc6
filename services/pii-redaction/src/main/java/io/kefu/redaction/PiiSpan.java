package io.kefu.redaction;

import java.util.Objects;

/** Where a piece of personal data sits in a text: its type and the half-open char range [start, end). */
public record PiiSpan(PiiType type, int start, int end) {
  public PiiSpan {
    Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
    }
  }

  /** Number of chars covered. */
  public int length() {
    return end - start;
  }

  /** Whether this span and {@code other} share at least one char. */
  public boolean overlaps(PiiSpan other) {
    return start < other.end && other.start < end;
  }

  /** The covered text of {@code source}, the text this span was found in. */
  public String textIn(String source) {
    return source.substring(start, end);
  }
}
