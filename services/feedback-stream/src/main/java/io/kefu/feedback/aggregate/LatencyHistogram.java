package io.kefu.feedback.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * An immutable, mergeable histogram of latencies in whole milliseconds, kept sparse.
 *
 * <p>Buckets: one per millisecond below {@value #EXACT_LIMIT} ms, so percentiles there are exact; above, each power of
 * two is split into {@value #SUB_BUCKETS} equal buckets, so a reported value is within 0.4% of the true one (the
 * bucket's midpoint is reported). Percentiles use the nearest-rank rule: the p-th percentile of N values is the
 * smallest value with at least ceil(p·N) values at or below it.
 */
public final class LatencyHistogram {
  /** Latencies below this many milliseconds have a bucket of their own. */
  public static final int EXACT_LIMIT = 2048;
  /** Buckets per power of two above {@link #EXACT_LIMIT}. */
  public static final int SUB_BUCKETS = 128;
  private static final int SUB_BITS = 7;
  private static final int EXACT_BITS = 11;

  private static final LatencyHistogram EMPTY = new LatencyHistogram(new int[0], new long[0]);

  private final int[] indexes;
  private final long[] counts;

  /** The histogram from its sparse form: strictly increasing bucket indexes and their positive counts. */
  @JsonCreator
  public LatencyHistogram(@JsonProperty("indexes") int[] indexes, @JsonProperty("counts") long[] counts) {
    if (indexes == null || counts == null || indexes.length != counts.length) {
      throw new IllegalArgumentException("indexes and counts must be non-null arrays of equal length");
    }
    for (int i = 0; i < indexes.length; i++) {
      if (indexes[i] < 0 || i > 0 && indexes[i] <= indexes[i - 1] || counts[i] <= 0) {
        throw new IllegalArgumentException("bucket indexes must increase and counts be positive; bucket " + i
            + " has index " + indexes[i] + " and count " + counts[i]);
      }
    }
    this.indexes = indexes.clone();
    this.counts = counts.clone();
  }

  public static LatencyHistogram empty() {
    return EMPTY;
  }

  @JsonProperty("indexes")
  public int[] indexes() {
    return indexes.clone();
  }

  @JsonProperty("counts")
  public long[] counts() {
    return counts.clone();
  }

  /** This histogram with one more value; negative latencies count as 0. */
  public LatencyHistogram plus(long latencyMs) {
    int index = bucketOf(Math.max(0, latencyMs));
    int at = Arrays.binarySearch(indexes, index);
    if (at >= 0) {
      long[] newCounts = counts.clone();
      newCounts[at]++;
      return new LatencyHistogram(indexes, newCounts);
    }
    int insert = -at - 1;
    int[] newIndexes = new int[indexes.length + 1];
    long[] newCounts = new long[counts.length + 1];
    System.arraycopy(indexes, 0, newIndexes, 0, insert);
    System.arraycopy(counts, 0, newCounts, 0, insert);
    newIndexes[insert] = index;
    newCounts[insert] = 1;
    System.arraycopy(indexes, insert, newIndexes, insert + 1, indexes.length - insert);
    System.arraycopy(counts, insert, newCounts, insert + 1, counts.length - insert);
    return new LatencyHistogram(newIndexes, newCounts);
  }

  /** The histogram of both sets of values. */
  public LatencyHistogram merge(LatencyHistogram other) {
    int[] mergedIndexes = new int[indexes.length + other.indexes.length];
    long[] mergedCounts = new long[mergedIndexes.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < indexes.length || j < other.indexes.length) {
      if (j == other.indexes.length || i < indexes.length && indexes[i] < other.indexes[j]) {
        mergedIndexes[n] = indexes[i];
        mergedCounts[n++] = counts[i++];
      } else if (i == indexes.length || other.indexes[j] < indexes[i]) {
        mergedIndexes[n] = other.indexes[j];
        mergedCounts[n++] = other.counts[j++];
      } else {
        mergedIndexes[n] = indexes[i];
        mergedCounts[n++] = counts[i++] + other.counts[j++];
      }
    }
    return new LatencyHistogram(Arrays.copyOf(mergedIndexes, n), Arrays.copyOf(mergedCounts, n));
  }

  /** How many values the histogram holds. */
  public long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** The nearest-rank percentile for {@code fraction} in (0, 1], or null when the histogram is empty. */
  public Double percentile(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("percentile fraction must be in (0, 1], was " + fraction);
    }
    long total = total();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * total - 1e-9));
    long seen = 0;
    for (int i = 0; i < indexes.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return representative(indexes[i]);
      }
    }
    return representative(indexes[indexes.length - 1]);
  }

  /** The bucket index of a latency of {@code value} ms (value >= 0). */
  static int bucketOf(long value) {
    if (value < EXACT_LIMIT) {
      return (int) value;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value);
    int shift = exponent - SUB_BITS;
    int sub = (int) (value >>> shift) - SUB_BUCKETS;
    return EXACT_LIMIT + (exponent - EXACT_BITS) * SUB_BUCKETS + sub;
  }

  /** The lowest latency of bucket {@code index}. */
  static long lowerBound(int index) {
    if (index < EXACT_LIMIT) {
      return index;
    }
    int k = index - EXACT_LIMIT;
    int exponent = EXACT_BITS + k / SUB_BUCKETS;
    long sub = k % SUB_BUCKETS;
    return (SUB_BUCKETS + sub) << (exponent - SUB_BITS);
  }

  /** The width of bucket {@code index} in milliseconds. */
  static long width(int index) {
    if (index < EXACT_LIMIT) {
      return 1;
    }
    int exponent = EXACT_BITS + (index - EXACT_LIMIT) / SUB_BUCKETS;
    return 1L << (exponent - SUB_BITS);
  }

  private static double representative(int index) {
    return lowerBound(index) + (width(index) - 1) / 2.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyHistogram other && Arrays.equals(indexes, other.indexes)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indexes) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[total=" + total() + ", buckets=" + indexes.length + "]";
  }
}
