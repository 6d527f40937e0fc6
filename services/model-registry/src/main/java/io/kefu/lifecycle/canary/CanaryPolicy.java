package io.kefu.lifecycle.canary;

import java.time.Duration;
import java.util.Locale;

/**
 * When a canary is promoted or rolled back, from its ratings and the active version's over the same period.
 *
 * <p>Both arms need {@code minRatings} ratings before they are compared. Then, with the one-sided two-proportion
 * z-test on CSAT ({@link TwoProportionZTest}) at level {@code alpha}: the canary is rolled back when its CSAT is lower
 * (p-value of "worse" below alpha); promoted when its CSAT is higher (p-value of "better" below alpha) and its mean
 * rating exceeds the active's by at least {@code minUplift} stars; otherwise the controller keeps waiting. A canary
 * undecided after {@code timeout} is rolled back.
 *
 * @param minRatings ratings each arm needs before the test runs
 * @param alpha one-sided significance level, in (0, 0.5)
 * @param minUplift least mean-rating gain for a promotion, in stars
 * @param timeout longest a canary may run undecided
 */
public record CanaryPolicy(long minRatings, double alpha, double minUplift, Duration timeout) {

  public CanaryPolicy {
    if (minRatings < 1) {
      throw new IllegalArgumentException("minRatings must be >= 1, was " + minRatings);
    }
    if (!(alpha > 0.0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5), was " + alpha);
    }
    if (!(minUplift >= 0.0)) {
      throw new IllegalArgumentException("minUplift must be >= 0 stars, was " + minUplift);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Decides about a canary that has run for {@code elapsed}. */
  public CanaryDecision decide(ArmStats canary, ArmStats active, Duration elapsed) {
    boolean timedOut = elapsed.compareTo(timeout) >= 0;
    if (canary.ratings() < minRatings || active.ratings() < minRatings) {
      String counts = "canary has " + canary.ratings() + " ratings, active " + active.ratings() + "; each needs "
          + minRatings;
      return timedOut
          ? new CanaryDecision(CanaryDecision.Verdict.ROLL_BACK, "timed out after " + elapsed + ": " + counts,
              canary, active, null)
          : new CanaryDecision(CanaryDecision.Verdict.CONTINUE, "waiting for ratings: " + counts, canary, active, null);
    }
    TwoProportionZTest test = TwoProportionZTest.of(canary, active);
    String figures = figures(canary, active, test);
    if (test.pWorse() < alpha) {
      return new CanaryDecision(CanaryDecision.Verdict.ROLL_BACK, "rated worse: " + figures + ", p(worse) "
          + p(test.pWorse()) + " < alpha " + alpha, canary, active, test);
    }
    double uplift = canary.meanRating() - active.meanRating();
    if (test.pBetter() < alpha && uplift >= minUplift) {
      return new CanaryDecision(CanaryDecision.Verdict.PROMOTE, "rated better: " + figures + ", p(better) "
          + p(test.pBetter()) + " < alpha " + alpha, canary, active, test);
    }
    if (timedOut) {
      return new CanaryDecision(CanaryDecision.Verdict.ROLL_BACK, "timed out after " + elapsed
          + " without a significant gain: " + figures, canary, active, test);
    }
    return new CanaryDecision(CanaryDecision.Verdict.CONTINUE, "no significant difference yet: " + figures, canary,
        active, test);
  }

  private static String figures(ArmStats canary, ArmStats active, TwoProportionZTest test) {
    return String.format(Locale.ROOT, "canary CSAT %.3f mean %.2f (n=%d) vs active CSAT %.3f mean %.2f (n=%d), z=%.2f",
        canary.csat(), canary.meanRating(), canary.ratings(), active.csat(), active.meanRating(), active.ratings(),
        test.z());
  }

  private static String p(double value) {
    return String.format(Locale.ROOT, "%.2g", value);
  }
}
