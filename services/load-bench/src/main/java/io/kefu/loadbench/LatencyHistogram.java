package io.kefu.loadbench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A thread-safe histogram of durations in logarithmic buckets 1% wide, from 1 µs to about 20 minutes, so that a soak of
 * any length keeps constant memory; percentiles are read back within 1%.
 */
public final class LatencyHistogram {
  private static final double GROWTH = 1.01;
  private static final double LOG_GROWTH = Math.log(GROWTH);
  private static final long MIN_NANOS = 1_000L;
  private static final int BUCKETS = (int) Math.ceil(Math.log(1.2e12 / MIN_NANOS) / LOG_GROWTH) + 1;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** Records one duration; negative durations are recorded as zero, longer than the range as the last bucket. */
  public void record(long nanos) {
    counts.incrementAndGet(bucket(nanos));
  }

  /** Number of durations recorded. */
  public long count() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * The nearest-rank percentile in milliseconds (the upper edge of its bucket), or NaN when nothing was recorded.
   *
   * @param percent 0 < percent <= 100
   */
  public double percentileMillis(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    long total = count();
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(percent / 100.0 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return upperEdgeNanos(i) / 1e6;
      }
    }
    return upperEdgeNanos(BUCKETS - 1) / 1e6;
  }

  private static int bucket(long nanos) {
    if (nanos <= MIN_NANOS) {
      return 0;
    }
    int index = (int) Math.ceil(Math.log((double) nanos / MIN_NANOS) / LOG_GROWTH);
    return Math.min(index, BUCKETS - 1);
  }

  private static double upperEdgeNanos(int bucket) {
    return MIN_NANOS * Math.pow(GROWTH, bucket);
  }
}
