package io.kefu.feedback.decode;

import io.kefu.feedback.route.Routed;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** One decoded record as a {@link DecodedHandler} sees it: where it came from, and the two things it can do with it. */
public interface DecodedInput {

  /** The record as read: raw key, raw value, headers and timestamp. */
  Record<byte[], byte[]> raw();

  /** Topic, partition and offset of the record. */
  RecordMetadata metadata();

  /** Sends {@code value} downstream under {@code key} with the record's timestamp and no headers. */
  void forward(String key, Routed value);

  /** Refuses the record: it goes to the source's dead-letter topic (or is logged and skipped when there is none). */
  void refuse(String reason, String detail);
}
