package io.kefu.simulator;

import java.util.Arrays;

/** Ratings counted for one model version: how many of each star, with the mean and CSAT; thread-safe. */
public final class RatingTally {
  private final long[] byStars = new long[5];

  /** Counts one rating of 1..5 stars. */
  public synchronized void add(int stars) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("rating must be 1..5, was " + stars);
    }
    byStars[stars - 1]++;
  }

  /** A copy of the counts. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(byStars.clone());
  }

  /**
   * The counts at one moment.
   *
   * @param byStars how many ratings of 1, 2, 3, 4 and 5 stars
   */
  public record Snapshot(long[] byStars) {
    /** How many ratings. */
    public long ratings() {
      return Arrays.stream(byStars).sum();
    }

    /** Sum of the ratings. */
    public long ratingSum() {
      long sum = 0;
      for (int i = 0; i < 5; i++) {
        sum += (i + 1) * byStars[i];
      }
      return sum;
    }

    /** Ratings of 4 or 5 stars. */
    public long satisfied() {
      return byStars[3] + byStars[4];
    }

    /** Mean rating, NaN without ratings. */
    public double mean() {
      long n = ratings();
      return n == 0 ? Double.NaN : (double) ratingSum() / n;
    }

    /** Share of 4-5 star ratings, NaN without ratings. */
    public double csat() {
      long n = ratings();
      return n == 0 ? Double.NaN : (double) satisfied() / n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Snapshot other && Arrays.equals(byStars, other.byStars);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(byStars);
    }

    @Override
    public String toString() {
      return "Snapshot" + Arrays.toString(byStars);
    }
  }
}
