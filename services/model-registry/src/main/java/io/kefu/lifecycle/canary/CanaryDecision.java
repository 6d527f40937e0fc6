package io.kefu.lifecycle.canary;

/**
 * What the canary controller decided about one canary, and why.
 *
 * @param verdict promote, roll back or keep waiting
 * @param reason the figures behind it, in words, recorded on the model-versions record
 * @param canary the canary's ratings
 * @param active the active version's ratings over the same period
 * @param test the z-test, or null when it was not run (too few ratings)
 */
public record CanaryDecision(Verdict verdict, String reason, ArmStats canary, ArmStats active,
    TwoProportionZTest test) {

  /** The outcomes of one check. */
  public enum Verdict {
    PROMOTE,
    ROLL_BACK,
    CONTINUE
  }
}
