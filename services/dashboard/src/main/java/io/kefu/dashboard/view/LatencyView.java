package io.kefu.dashboard.view;

import java.time.Duration;
import java.util.List;

/** Reply latency percentiles (p50, p95, p99) per {@link #BUCKET} over the dashboard's history, from model replies. */
public final class LatencyView {
  /** Width of one point of the series. */
  public static final Duration BUCKET = Duration.ofSeconds(10);

  private final BucketRing<LatencySample> ring;

  /** A view keeping {@code history} of latencies. */
  public LatencyView(Duration history) {
    int buckets = (int) Math.max(1, Math.min(history.toMillis() / BUCKET.toMillis(), 8640));
    this.ring = new BucketRing<>(BUCKET.toMillis(), buckets, () -> new LatencySample(buckets));
  }

  /** Adds the latency of a reply produced at {@code epochMillis}; negative latencies are clock errors and dropped. */
  public synchronized void record(long epochMillis, long latencyMs, long nowMillis) {
    if (latencyMs < 0) {
      return;
    }
    LatencySample sample = ring.bucketFor(epochMillis, nowMillis);
    if (sample != null) {
      sample.add(latencyMs);
    }
  }

  /** The percentile series over the window ending at {@code nowMillis}; buckets without replies hold nulls. */
  public synchronized LatencySeries snapshot(long nowMillis) {
    List<BucketRing.Slot<LatencySample>> slots = ring.window(nowMillis);
    int n = slots.size();
    long[] seconds = new long[n];
    Long[] p50 = new Long[n];
    Long[] p95 = new Long[n];
    Long[] p99 = new Long[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      BucketRing.Slot<LatencySample> slot = slots.get(i);
      seconds[i] = slot.startMillis() / 1000;
      long[] p = slot.bucket() == null ? null : slot.bucket().percentiles();
      if (p != null) {
        p50[i] = p[0];
        p95[i] = p[1];
        p99[i] = p[2];
        counts[i] = slot.bucket().count();
      }
    }
    return new LatencySeries(seconds, p50, p95, p99, counts);
  }

  /**
   * Latency percentiles per bucket, oldest first, in milliseconds; null where a bucket had no reply.
   *
   * @param seconds bucket start, epoch seconds
   * @param p50 median latency
   * @param p95 95th percentile
   * @param p99 99th percentile
   * @param counts replies per bucket
   */
  public record LatencySeries(long[] seconds, Long[] p50, Long[] p95, Long[] p99, long[] counts) {}
}
