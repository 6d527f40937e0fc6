package io.kefu.dashboard.view;

import java.util.LinkedHashMap;
import java.util.Map;

/** An insertion- or access-ordered map that drops its eldest entry beyond a maximum size. Not thread-safe. */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
  private final int maxSize;

  BoundedMap(int maxSize, boolean accessOrder) {
    super(16, 0.75f, accessOrder);
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
    }
    this.maxSize = maxSize;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > maxSize;
  }
}
