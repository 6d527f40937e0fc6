package io.kefu.poison.cases;

import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * The bytes of one poison record as it is produced: key, value and headers exactly as given (any may be null or
 * malformed), and an optional record timestamp.
 *
 * @param key the key bytes, or null
 * @param value the value bytes, or null (a tombstone)
 * @param headers the record headers
 * @param timestampMillis the record timestamp, or null for the run's clock
 */
public record PoisonRecord(byte[] key, byte[] value, List<Header> headers, Long timestampMillis) {

  public PoisonRecord {
    headers = List.copyOf(headers);
  }

  /** A record with these key and value bytes, no headers, stamped by the run's clock. */
  public static PoisonRecord of(byte[] key, byte[] value) {
    return new PoisonRecord(key, value, List.of(), null);
  }

  /** This record with {@code newHeaders} instead of its headers. */
  public PoisonRecord withHeaders(List<Header> newHeaders) {
    return new PoisonRecord(key, value, newHeaders, timestampMillis);
  }

  /** This record with the record timestamp {@code millis}. */
  public PoisonRecord withTimestamp(long millis) {
    return new PoisonRecord(key, value, headers, millis);
  }
}
