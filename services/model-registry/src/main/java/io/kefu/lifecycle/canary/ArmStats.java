package io.kefu.lifecycle.canary;

/**
 * The ratings one arm of a canary comparison received.
 *
 * @param ratings how many ratings
 * @param ratingSum their sum (1..5 stars each)
 * @param satisfied how many were 4 or 5 stars
 */
public record ArmStats(long ratings, long ratingSum, long satisfied) {
  public ArmStats {
    if (ratings < 0 || satisfied < 0 || satisfied > ratings) {
      throw new IllegalArgumentException("need 0 <= satisfied <= ratings, were satisfied " + satisfied
          + " and ratings " + ratings);
    }
    if (ratingSum < ratings || ratingSum > 5 * ratings) {
      throw new IllegalArgumentException("rating sum " + ratingSum + " is impossible for " + ratings
          + " ratings of 1..5 stars");
    }
  }

  public static ArmStats empty() {
    return new ArmStats(0, 0, 0);
  }

  /** Both arms' ratings together. */
  public ArmStats plus(ArmStats other) {
    return new ArmStats(ratings + other.ratings, ratingSum + other.ratingSum, satisfied + other.satisfied);
  }

  /** Mean rating, NaN without ratings. */
  public double meanRating() {
    return ratings == 0 ? Double.NaN : (double) ratingSum / ratings;
  }

  /** Share of 4-5 star ratings, NaN without ratings. */
  public double csat() {
    return ratings == 0 ? Double.NaN : (double) satisfied / ratings;
  }
}
