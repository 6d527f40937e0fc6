package io.kefu.feedback.join;

import java.util.Arrays;

/** The training weight of each rating 1..5; negative weights tell the fine-tuner to learn away from a reply. */
public final class RatingWeights {
  private final double[] byRating;

  private RatingWeights(double[] byRating) {
    this.byRating = byRating;
  }

  /** Weights for ratings 1, 2, 3, 4, 5 in that order. */
  public static RatingWeights of(double one, double two, double three, double four, double five) {
    return new RatingWeights(new double[] {one, two, three, four, five});
  }

  /** The documented default: 1 → -1.0, 2 → -0.5, 3 → 0.0 (kept, no pull), 4 → 0.6, 5 → 1.0. */
  public static RatingWeights defaults() {
    return of(-1.0, -0.5, 0.0, 0.6, 1.0);
  }

  /** Parses five comma-separated numbers, the weights of ratings 1..5. */
  public static RatingWeights parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 5) {
      throw new IllegalArgumentException("rating weights must be 5 comma-separated numbers (ratings 1..5), was '"
          + text + "'");
    }
    double[] weights = new double[5];
    for (int i = 0; i < 5; i++) {
      try {
        weights[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of rating " + (i + 1) + " must be a number, was '" + parts[i].trim()
            + "' in '" + text + "'", e);
      }
      if (!Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight of rating " + (i + 1) + " must be finite, was " + weights[i]);
      }
    }
    return new RatingWeights(weights);
  }

  /** The weight of {@code rating}, which must be 1..5. */
  public double weightOf(int rating) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be 1..5, was " + rating);
    }
    return byRating[rating - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingWeights other && Arrays.equals(byRating, other.byRating);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(byRating);
  }

  @Override
  public String toString() {
    return Arrays.toString(byRating);
  }
}
