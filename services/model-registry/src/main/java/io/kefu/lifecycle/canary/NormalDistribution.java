package io.kefu.lifecycle.canary;

/** The standard normal distribution's CDF and its inverse, accurate to about 1e-7. */
public final class NormalDistribution {
  private NormalDistribution() {}

  /** P(Z <= z) for a standard normal Z. */
  public static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2.0));
  }

  /** The z with {@code cdf(z) == p}, for 0 < p < 1, by bisection on {@link #cdf}. */
  public static double quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
    }
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The complementary error function (Numerical Recipes' Chebyshev fit, fractional error below 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? ans : 2.0 - ans;
  }
}
