package io.kefu.dashboard.view;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Reply latencies of one time bucket: every value up to {@link #CAPACITY}, then a uniform reservoir sample of them,
 * so percentiles stay exact for ordinary traffic and memory stays bounded under any load.
 */
final class LatencySample {
  static final int CAPACITY = 2048;

  private final long[] values = new long[CAPACITY];
  private final SplittableRandom random;
  private int size;
  private long seen;

  LatencySample(long seed) {
    this.random = new SplittableRandom(seed);
  }

  void add(long latencyMs) {
    seen++;
    if (size < CAPACITY) {
      values[size++] = latencyMs;
      return;
    }
    long j = random.nextLong(seen);
    if (j < CAPACITY) {
      values[(int) j] = latencyMs;
    }
  }

  /** How many latencies fell in the bucket (not only those kept). */
  long count() {
    return seen;
  }

  /** The p50, p95 and p99 of the kept values; null when there are none. */
  long[] percentiles() {
    if (size == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new long[] {
        Percentiles.nearestRank(sorted, size, 50), Percentiles.nearestRank(sorted, size, 95),
        Percentiles.nearestRank(sorted, size, 99)};
  }
}
