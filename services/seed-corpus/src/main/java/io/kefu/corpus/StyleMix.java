package io.kefu.corpus;

import java.util.Random;

/** Shares of reply styles in a generated corpus; they must be non-negative and sum to 1. */
public record StyleMix(double terse, double complete, double wrong) {
  /** The base corpus: mostly terse, so that fine-tuning on ratings has room to move the model to complete. */
  public static final StyleMix DEFAULT = new StyleMix(0.8, 0.2, 0.0);

  /** Checks the shares. */
  public StyleMix {
    if (terse < 0 || complete < 0 || wrong < 0 || Math.abs(terse + complete + wrong - 1.0) > 1e-9) {
      throw new IllegalArgumentException("style shares must be >= 0 and sum to 1, were terse=" + terse
          + " complete=" + complete + " wrong=" + wrong);
    }
  }

  /** Draws one style with these shares. */
  public ReplyStyle draw(Random random) {
    double u = random.nextDouble();
    if (u < terse) {
      return ReplyStyle.TERSE;
    }
    return u < terse + complete ? ReplyStyle.COMPLETE : ReplyStyle.WRONG;
  }
}
