package io.kefu.finetune;

import java.util.Locale;

/** What becomes of replies customers rated 1-2 stars (negative weights). */
public enum NegativeMode {
  /** Kept as negative examples: the unlikelihood term pushes their probability down. */
  UNLIKELIHOOD,
  /** Left out of the training set. */
  EXCLUDE;

  /** Parses {@code unlikelihood} or {@code exclude}, any case. */
  public static NegativeMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("finetune.negatives must be 'unlikelihood' or 'exclude', was '" + value + "'",
          e);
    }
  }
}
