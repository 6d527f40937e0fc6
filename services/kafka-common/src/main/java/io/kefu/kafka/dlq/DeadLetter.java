package io.kefu.kafka.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why a record was refused and where it came from; {@link #toRecord} turns it into the dead-letter record that keeps
 * the original key and value bytes (and the original headers) untouched.
 *
 * @param reason machine-readable reason
 * @param detail human-readable detail
 * @param exceptionClass class name of the refusing exception, or null
 * @param sourceTopic topic the record was read from
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param service the service that refused it
 */
public record DeadLetter(String reason, String detail, String exceptionClass, String sourceTopic, int sourcePartition,
    long sourceOffset, String service) {

  public DeadLetter {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
  }

  /** A dead letter for a refused record, with the exception's class and message as detail. */
  public static DeadLetter of(String reason, Throwable error, String sourceTopic, int partition, long offset,
      String service) {
    return new DeadLetter(reason, error == null ? reason : String.valueOf(error.getMessage()),
        error == null ? null : error.getClass().getName(), sourceTopic, partition, offset, service);
  }

  /** Builds the record for {@code dlqTopic}: original key/value bytes, original headers, then the kefu.dlq.* headers. */
  public ProducerRecord<byte[], byte[]> toRecord(String dlqTopic, byte[] key, byte[] value, Headers originalHeaders,
      long nowMillis) {
    Headers headers = new RecordHeaders();
    if (originalHeaders != null) {
      for (Header h : originalHeaders) {
        if (!h.key().startsWith("kefu.dlq.")) {
          headers.add(h);
        }
      }
    }
    add(headers, DlqHeaders.REASON, reason);
    add(headers, DlqHeaders.DETAIL, truncate(detail, 2000));
    if (exceptionClass != null) {
      add(headers, DlqHeaders.EXCEPTION_CLASS, exceptionClass);
    }
    add(headers, DlqHeaders.SOURCE_TOPIC, sourceTopic);
    add(headers, DlqHeaders.SOURCE_PARTITION, Integer.toString(sourcePartition));
    add(headers, DlqHeaders.SOURCE_OFFSET, Long.toString(sourceOffset));
    add(headers, DlqHeaders.TIMESTAMP, Long.toString(nowMillis));
    if (service != null) {
      add(headers, DlqHeaders.SERVICE, service);
    }
    return new ProducerRecord<>(dlqTopic, null, nowMillis, key, value, headers);
  }

  /** Reads a header of a dead-letter record as a string, or null. */
  public static String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "…";
  }
}
