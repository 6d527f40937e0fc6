package io.kefu.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception Kefu's Avro serdes raise for bytes they cannot turn into a record (or a record they cannot
 * turn into bytes); {@link #reason()} names the cause so a consumer can route the record to a dead-letter topic.
 */
public class AvroWireFormatException extends SerializationException {

  /** Why the bytes were refused. The names are what DLQ headers carry. */
  public enum Reason {
    /** Byte 0 was not the Confluent magic byte 0. */
    WRONG_MAGIC_BYTE,
    /** Bytes 1-4 name a schema id the registry does not know. */
    UNKNOWN_SCHEMA_ID,
    /** Fewer bytes than the header needs, or the Avro body ended early. */
    TRUNCATED_PAYLOAD,
    /** The writer schema cannot be read as the reader schema. */
    SCHEMA_NOT_READABLE,
    /** The Avro body is malformed in some other way (bad lengths, trailing bytes, bad union index). */
    MALFORMED_PAYLOAD,
    /**
     * The schema registry could not be reached or refused the schema while serializing, or failed otherwise than
     * "unknown id" while the writer schema was fetched; usually transient, so not a reason to dead-letter input.
     */
    REGISTRY_ERROR,
    /** The record cannot be written with its own schema (e.g. null in a non-null field). */
    UNSERIALIZABLE_RECORD
  }

  private final Reason reason;

  public AvroWireFormatException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public AvroWireFormatException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
