package io.kefu.dashboard.view;

import java.util.List;

/**
 * Messages, replies and handoffs per second over the last few minutes, counted by record timestamp in one-second
 * buckets; the second in progress is left out so the last point is never a partial count.
 */
public final class ThroughputView {
  /** Seconds of per-second history kept. */
  public static final int SECONDS = 300;
  /** Seconds the current rate is averaged over. */
  public static final int RATE_SECONDS = 10;
  private static final long WIDTH_MILLIS = 1000;

  /** What is counted. */
  public enum Kind { MESSAGE, REPLY, HANDOFF }

  private final BucketRing<long[]> ring = new BucketRing<>(WIDTH_MILLIS, SECONDS + 1, () -> new long[3]);

  /** Counts one record of {@code kind} with timestamp {@code epochMillis}; ignored when outside the window. */
  public synchronized void record(Kind kind, long epochMillis, long nowMillis) {
    long[] counts = ring.bucketFor(epochMillis, nowMillis);
    if (counts != null) {
      counts[kind.ordinal()]++;
    }
  }

  /** Per-second counts for the complete seconds before {@code nowMillis}, and the current rates. */
  public synchronized ThroughputSeries snapshot(long nowMillis) {
    List<BucketRing.Slot<long[]>> slots = ring.window(nowMillis - WIDTH_MILLIS);
    int n = slots.size() - 1; // the ring holds one more slot than shown: the one the current second fills
    long[] seconds = new long[n];
    long[] messages = new long[n];
    long[] replies = new long[n];
    long[] handoffs = new long[n];
    for (int i = 0; i < n; i++) {
      BucketRing.Slot<long[]> slot = slots.get(i + 1);
      seconds[i] = slot.startMillis() / 1000;
      if (slot.bucket() != null) {
        messages[i] = slot.bucket()[Kind.MESSAGE.ordinal()];
        replies[i] = slot.bucket()[Kind.REPLY.ordinal()];
        handoffs[i] = slot.bucket()[Kind.HANDOFF.ordinal()];
      }
    }
    return new ThroughputSeries(seconds, messages, replies, handoffs,
        rate(messages), rate(replies), rate(handoffs));
  }

  private static double rate(long[] perSecond) {
    long sum = 0;
    for (int i = Math.max(0, perSecond.length - RATE_SECONDS); i < perSecond.length; i++) {
      sum += perSecond[i];
    }
    return (double) sum / RATE_SECONDS;
  }

  /**
   * Per-second counts, oldest first.
   *
   * @param seconds bucket start, epoch seconds
   * @param messages customer messages per second
   * @param replies agent replies per second
   * @param handoffs handoffs per second
   * @param messagesPerSecond messages per second averaged over the last {@link #RATE_SECONDS} seconds
   * @param repliesPerSecond replies per second, likewise
   * @param handoffsPerSecond handoffs per second, likewise
   */
  public record ThroughputSeries(long[] seconds, long[] messages, long[] replies, long[] handoffs,
      double messagesPerSecond, double repliesPerSecond, double handoffsPerSecond) {}
}
