package io.kefu.feedback.route;

import io.kefu.kafka.dlq.DeadLetter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a {@link DeadLetter} into the Streams record the dead-letter sink writes. */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * The record for {@code dlqTopic} holding the original bytes and headers plus the {@code kefu.dlq.*} headers.
   *
   * @param timestamp the record's event time (the refused record's, or stream time when a held rating expires)
   * @param nowMillis wall-clock time written in the {@code kefu.dlq.timestamp} header
   */
  public static Record<String, Routed> record(DeadLetter letter, String dlqTopic, byte[] key, byte[] value,
      Headers originalHeaders, long timestamp, long nowMillis) {
    ProducerRecord<byte[], byte[]> built = letter.toRecord(dlqTopic, key, value, originalHeaders, nowMillis);
    return new Record<>(null, new Routed.DeadLetterRecord(dlqTopic, key, value), timestamp, built.headers());
  }
}
