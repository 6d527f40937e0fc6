package io.kefu.dashboard.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fixed ring of time buckets of equal width ending at "now": a bucket is reused once its time has left the window,
 * so memory stays the same however long the dashboard runs. Not thread-safe; views guard it.
 *
 * @param <B> what one bucket holds
 */
final class BucketRing<B> {
  private final long widthMillis;
  private final int capacity;
  private final Supplier<B> factory;
  private final long[] indexes;
  private final List<B> buckets;

  BucketRing(long widthMillis, int capacity, Supplier<B> factory) {
    if (widthMillis <= 0) {
      throw new IllegalArgumentException("bucket width must be positive, was " + widthMillis + " ms");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("bucket count must be at least 1, was " + capacity);
    }
    this.widthMillis = widthMillis;
    this.capacity = capacity;
    this.factory = factory;
    this.indexes = new long[capacity];
    java.util.Arrays.fill(indexes, Long.MIN_VALUE);
    this.buckets = new ArrayList<>(capacity);
    for (int i = 0; i < capacity; i++) {
      buckets.add(null);
    }
  }

  /**
   * The bucket for {@code epochMillis}, created or recycled as needed; null when that time is older than the window
   * ending at {@code nowMillis} or lies in a later bucket than now's (a producer's clock ahead of ours).
   */
  B bucketFor(long epochMillis, long nowMillis) {
    long index = Math.floorDiv(epochMillis, widthMillis);
    long nowIndex = Math.floorDiv(nowMillis, widthMillis);
    if (index > nowIndex || index <= nowIndex - capacity) {
      return null;
    }
    int slot = (int) Math.floorMod(index, (long) capacity);
    if (indexes[slot] != index) {
      indexes[slot] = index;
      buckets.set(slot, factory.get());
    }
    return buckets.get(slot);
  }

  /** The bucket that holds {@code epochMillis} if it is still in the ring, else null; never creates one. */
  B existing(long epochMillis) {
    long index = Math.floorDiv(epochMillis, widthMillis);
    int slot = (int) Math.floorMod(index, (long) capacity);
    return indexes[slot] == index ? buckets.get(slot) : null;
  }

  /** Every bucket of the window ending at {@code nowMillis}, oldest first; empty ones are null. */
  List<Slot<B>> window(long nowMillis) {
    long nowIndex = Math.floorDiv(nowMillis, widthMillis);
    List<Slot<B>> slots = new ArrayList<>(capacity);
    for (long index = nowIndex - capacity + 1; index <= nowIndex; index++) {
      int slot = (int) Math.floorMod(index, (long) capacity);
      slots.add(new Slot<>(index * widthMillis, indexes[slot] == index ? buckets.get(slot) : null));
    }
    return slots;
  }

  long widthMillis() {
    return widthMillis;
  }

  /**
   * One bucket of a window.
   *
   * @param startMillis when the bucket starts, epoch milliseconds
   * @param bucket its content, or null when nothing fell in it
   */
  record Slot<B>(long startMillis, B bucket) {}
}
