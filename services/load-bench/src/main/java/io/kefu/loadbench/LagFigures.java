package io.kefu.loadbench;

import java.util.List;

/**
 * Consumer lag sampled at a fixed interval, in records.
 *
 * @param first the first sample
 * @param last the last sample
 * @param mean mean of the samples
 * @param max largest sample
 * @param slopePerSecond least-squares growth in records per second (positive: falling behind)
 */
public record LagFigures(long first, long last, double mean, long max, double slopePerSecond) {

  /** The figures of samples taken at {@code seconds} (same length as {@code lags}); all zero without samples. */
  public static LagFigures of(List<Double> seconds, List<Long> lags) {
    if (lags.isEmpty()) {
      return new LagFigures(0, 0, 0, 0, 0);
    }
    double meanT = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double meanL = lags.stream().mapToLong(Long::longValue).average().orElse(0);
    double cov = 0;
    double var = 0;
    for (int i = 0; i < lags.size(); i++) {
      double dt = seconds.get(i) - meanT;
      cov += dt * (lags.get(i) - meanL);
      var += dt * dt;
    }
    return new LagFigures(lags.get(0), lags.get(lags.size() - 1), meanL,
        lags.stream().mapToLong(Long::longValue).max().orElse(0), var == 0 ? 0 : cov / var);
  }
}
