package io.kefu.loadbench;

/**
 * The p50, p99 and p99.9 of one latency in milliseconds (NaN when nothing was recorded).
 *
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 */
public record Percentiles(double p50, double p99, double p999) {

  /** Reads the percentiles of {@code histogram}. */
  public static Percentiles of(LatencyHistogram histogram) {
    return new Percentiles(histogram.percentileMillis(50), histogram.percentileMillis(99),
        histogram.percentileMillis(99.9));
  }
}
