package io.kefu.feedback.join;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A time index over a store's entries (key: 8-byte big-endian timestamp, then the id), so expiry reads only what
 * has expired instead of scanning every held entry; timestamps are non-negative, so byte order is time order.
 */
public final class ExpiryIndex {
  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  public ExpiryIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** One indexed entry. */
  public record Entry(long timestamp, String id) {}

  public void add(long timestamp, String id) {
    store.put(key(timestamp, id), PRESENT);
  }

  public void remove(long timestamp, String id) {
    store.delete(key(timestamp, id));
  }

  /** Removes and returns up to {@code max} entries with a timestamp before {@code cutoff}, oldest first. */
  public List<Entry> takeBefore(long cutoff, int max) {
    List<Entry> taken = new ArrayList<>();
    if (cutoff <= 0) {
      return taken;
    }
    Bytes from = Bytes.wrap(new byte[Long.BYTES]);
    Bytes to = Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(cutoff).array());
    try (KeyValueIterator<Bytes, byte[]> it = store.range(from, to)) {
      while (it.hasNext() && taken.size() < max) {
        KeyValue<Bytes, byte[]> next = it.next();
        ByteBuffer buffer = ByteBuffer.wrap(next.key.get());
        long timestamp = buffer.getLong();
        byte[] id = new byte[buffer.remaining()];
        buffer.get(id);
        taken.add(new Entry(timestamp, new String(id, StandardCharsets.UTF_8)));
      }
    }
    taken.forEach(e -> store.delete(key(e.timestamp(), e.id())));
    return taken;
  }

  private static Bytes key(long timestamp, String id) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("expiry timestamps must be >= 0, was " + timestamp + " for '" + id + "'");
    }
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + idBytes.length).putLong(timestamp).put(idBytes).array());
  }
}
