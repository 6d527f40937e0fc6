package io.kefu.corpus;

import java.util.Random;

/**
 * How often each reply style appears, as relative weights.
 *
 * @param terse weight of {@link ReplyStyle#TERSE}
 * @param complete weight of {@link ReplyStyle#COMPLETE}
 * @param wrong weight of {@link ReplyStyle#WRONG}
 */
public record StyleMix(double terse, double complete, double wrong) {

  /** The base corpus: mostly terse replies, some complete ones, no wrong ones; feedback is what moves it. */
  public static final StyleMix BASE = new StyleMix(0.8, 0.2, 0.0);

  public StyleMix {
    if (!(terse >= 0 && complete >= 0 && wrong >= 0) || !(terse + complete + wrong > 0)
        || Double.isInfinite(terse + complete + wrong)) {
      throw new IllegalArgumentException("style weights must be finite, non-negative and not all zero, were terse "
          + terse + ", complete " + complete + ", wrong " + wrong);
    }
  }

  /** Only the given style. */
  public static StyleMix only(ReplyStyle style) {
    return switch (style) {
      case TERSE -> new StyleMix(1, 0, 0);
      case COMPLETE -> new StyleMix(0, 1, 0);
      case WRONG -> new StyleMix(0, 0, 1);
    };
  }

  /** Draws a style with these weights. */
  ReplyStyle pick(Random random) {
    double draw = random.nextDouble() * (terse + complete + wrong);
    if (draw < terse) {
      return ReplyStyle.TERSE;
    }
    return draw < terse + complete || wrong == 0 ? ReplyStyle.COMPLETE : ReplyStyle.WRONG;
  }
}
