package io.kefu.dashboard.view;

/** Nearest-rank percentiles of a sorted sample: the smallest value with at least p% of the sample at or below it. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code percentile}-th nearest-rank percentile of {@code sorted[0..count)}.
   *
   * @throws IllegalArgumentException when {@code count} is 0 or {@code percentile} is not in (0, 100]
   */
  public static long nearestRank(long[] sorted, int count, double percentile) {
    if (count < 1 || count > sorted.length) {
      throw new IllegalArgumentException("count must be 1.." + sorted.length + ", was " + count);
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
    }
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return sorted[Math.max(rank, 1) - 1];
  }
}
