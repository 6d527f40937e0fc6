package io.kefu.corpus;

import java.util.Objects;

/**
 * How the corpus is mixed.
 *
 * @param styleMix how often each reply style appears
 * @param contextRate probability that a conversation has earlier turns (a greeting, an earlier question and its
 *     answer, or the agent asking for the order number) before the customer's last message
 * @param blendRate probability that a TRAIN customer phrasing is a blend of two of its intent's train phrasings
 *     (see {@link PhrasingBlend}); held-out conversations are never blended
 */
public record CorpusOptions(StyleMix styleMix, double contextRate, double blendRate) {

  /** Probability of earlier turns in the defaults. */
  public static final double DEFAULT_CONTEXT_RATE = 0.35;
  /** Probability of a blended train phrasing in the defaults. */
  public static final double DEFAULT_BLEND_RATE = 0.35;

  public CorpusOptions {
    Objects.requireNonNull(styleMix, "styleMix");
    if (!(contextRate >= 0 && contextRate <= 1)) {
      throw new IllegalArgumentException("contextRate must be a probability in [0, 1], was " + contextRate);
    }
    if (!(blendRate >= 0 && blendRate <= 1)) {
      throw new IllegalArgumentException("blendRate must be a probability in [0, 1], was " + blendRate);
    }
  }

  /**
   * Options with {@code styleMix} and {@code contextRate} and no blended phrasings: customers as a simulator plays
   * them, writing only the catalogue's sentences.
   */
  public CorpusOptions(StyleMix styleMix, double contextRate) {
    this(styleMix, contextRate, 0);
  }

  /** The base corpus: {@link StyleMix#BASE}, {@link #DEFAULT_CONTEXT_RATE} and {@link #DEFAULT_BLEND_RATE}. */
  public static CorpusOptions defaults() {
    return new CorpusOptions(StyleMix.BASE, DEFAULT_CONTEXT_RATE, DEFAULT_BLEND_RATE);
  }

  /** These options with another style mix. */
  public CorpusOptions withStyleMix(StyleMix mix) {
    return new CorpusOptions(mix, contextRate, blendRate);
  }

  /** These options with another blend rate. */
  public CorpusOptions withBlendRate(double rate) {
    return new CorpusOptions(styleMix, contextRate, rate);
  }
}
