package io.kefu.corpus;

import java.util.Objects;

/**
 * How the corpus is mixed.
 *
 * @param styleMix how often each reply style appears
 * @param contextRate probability that a conversation has earlier turns (a greeting, an earlier question and its
 *     answer, or the agent asking for the order number) before the customer's last message
 */
public record CorpusOptions(StyleMix styleMix, double contextRate) {

  /** Probability of earlier turns in the defaults. */
  public static final double DEFAULT_CONTEXT_RATE = 0.35;

  public CorpusOptions {
    Objects.requireNonNull(styleMix, "styleMix");
    if (!(contextRate >= 0 && contextRate <= 1)) {
      throw new IllegalArgumentException("contextRate must be a probability in [0, 1], was " + contextRate);
    }
  }

  /** The base corpus: {@link StyleMix#BASE} and {@link #DEFAULT_CONTEXT_RATE}. */
  public static CorpusOptions defaults() {
    return new CorpusOptions(StyleMix.BASE, DEFAULT_CONTEXT_RATE);
  }

  /** These options with another style mix. */
  public CorpusOptions withStyleMix(StyleMix mix) {
    return new CorpusOptions(mix, contextRate);
  }
}
