package io.kefu.redaction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of redacting one text: the text with placeholders, and how many values of each type were
 * replaced ({@code counts} holds every {@link PiiType}, zero where nothing was found).
 */
public record Redaction(String text, Map<PiiType, Integer> counts) {
  public Redaction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(counts, "counts");
    EnumMap<PiiType, Integer> complete = new EnumMap<>(PiiType.class);
    for (PiiType type : PiiType.values()) {
      int count = counts.getOrDefault(type, 0);
      if (count < 0) {
        throw new IllegalArgumentException("count of " + type + " must be >= 0, was " + count);
      }
      complete.put(type, count);
    }
    counts = Collections.unmodifiableMap(complete);
  }

  /** How many values of {@code type} were replaced. */
  public int count(PiiType type) {
    return counts.get(type);
  }

  /** How many values were replaced in all. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
