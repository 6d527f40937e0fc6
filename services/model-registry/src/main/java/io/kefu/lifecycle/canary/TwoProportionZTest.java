package io.kefu.lifecycle.canary;

/**
 * The two-proportion z-test on CSAT (the share of 4-5 star ratings) of a canary against the active version, with the
 * pooled standard error:
 *
 * <pre>
 * p1 = x1 / n1 (canary), p2 = x2 / n2 (active), p = (x1 + x2) / (n1 + n2)
 * z  = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))
 * one-sided p-values: better = 1 - Phi(z), worse = Phi(z)
 * </pre>
 *
 * When every rating of both arms is satisfied, or none is, the arms cannot differ: z is 0.
 *
 * @param z the statistic
 * @param pBetter the one-sided p-value of "the canary's CSAT is higher"
 * @param pWorse the one-sided p-value of "the canary's CSAT is lower"
 */
public record TwoProportionZTest(double z, double pBetter, double pWorse) {

  /** Tests {@code canary} against {@code active}; both need at least one rating. */
  public static TwoProportionZTest of(ArmStats canary, ArmStats active) {
    if (canary.ratings() == 0 || active.ratings() == 0) {
      throw new IllegalArgumentException("both arms need ratings, had canary " + canary.ratings() + " and active "
          + active.ratings());
    }
    double n1 = canary.ratings();
    double n2 = active.ratings();
    double pooled = (canary.satisfied() + active.satisfied()) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    double z = se == 0 ? 0.0 : (canary.csat() - active.csat()) / se;
    return new TwoProportionZTest(z, 1 - NormalDistribution.cdf(z), NormalDistribution.cdf(z));
  }
}
