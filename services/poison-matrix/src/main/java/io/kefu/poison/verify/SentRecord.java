package io.kefu.poison.verify;

/**
 * A record the run produced, where the broker put it, and its bytes.
 *
 * @param topic the topic
 * @param partition its partition
 * @param offset its offset
 * @param key the key bytes, or null
 * @param value the value bytes, or null
 */
public record SentRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

  /** {@code topic-partition@offset}. */
  public String where() {
    return topic + "-" + partition + "@" + offset;
  }
}
