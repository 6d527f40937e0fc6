package io.kefu.feedback.join;

import io.kefu.contract.Feedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A valid rating as the join keeps it: what it says, and the original record (bytes, headers, origin) so that it
 * can still be dead-lettered unchanged when its reply never comes.
 *
 * @param rating 1..5
 * @param comment the customer's comment, or null
 * @param ratedAt when the customer rated (epoch ms); the later of two ratings of one reply wins
 * @param timestamp the record's event time (epoch ms), which the grace is measured on
 * @param key original key bytes
 * @param value original value bytes
 * @param headers original headers
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset
 */
public record HeldRating(int rating, String comment, long ratedAt, long timestamp, byte[] key, byte[] value,
    List<HeldHeader> headers, String topic, int partition, long offset) {

  /** One original header. */
  public record HeldHeader(String key, byte[] value) {}

  public HeldRating {
    Objects.requireNonNull(topic, "topic");
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** The rating of {@code feedback}, read from {@code record} at {@code metadata}. */
  public static HeldRating of(Feedback feedback, Record<byte[], byte[]> record, RecordMetadata metadata) {
    List<HeldHeader> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new HeldHeader(header.key(), header.value()));
    }
    return new HeldRating(feedback.getRating(), feedback.getComment(), feedback.getRatedAt().toEpochMilli(),
        record.timestamp(), record.key(), record.value(), headers, metadata.topic(), metadata.partition(),
        metadata.offset());
  }

  /** The original headers as Kafka headers. */
  public Headers originalHeaders() {
    RecordHeaders result = new RecordHeaders();
    headers.forEach(h -> result.add(h.key(), h.value()));
    return result;
  }
}
