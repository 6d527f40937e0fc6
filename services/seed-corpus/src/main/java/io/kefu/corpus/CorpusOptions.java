package io.kefu.corpus;

import java.util.Objects;

/**
 * How a corpus is generated.
 *
 * @param styles the reply style shares
 * @param contextShare the share of conversations that carry an earlier exchange before the final message
 */
public record CorpusOptions(StyleMix styles, double contextShare) {
  /** 80% terse, 20% complete replies; 30% of conversations with an earlier exchange. */
  public static final CorpusOptions DEFAULT = new CorpusOptions(StyleMix.DEFAULT, 0.3);

  /** Checks the options. */
  public CorpusOptions {
    Objects.requireNonNull(styles, "styles");
    if (contextShare < 0 || contextShare > 1) {
      throw new IllegalArgumentException("contextShare must be in 0..1, was " + contextShare);
    }
  }
}
