package io.kefu.kafka.dlq;

import io.kefu.serde.AvroWireFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes raw consumer records (byte[] key and value) with a value deserializer, turning every failure into a
 * {@link DeadLetter} instead of an exception, so a consumer loop routes bad records and goes on.
 *
 * <p>Reasons: {@code NULL_VALUE}, {@code INVALID_KEY} (key not UTF-8), the {@link AvroWireFormatException.Reason}
 * name for wire-format failures, and {@code DESERIALIZATION_FAILED} for anything else the deserializer throws.
 *
 * @param <V> value type
 */
public final class RecordDecoder<V> {
  public static final String NULL_VALUE = "NULL_VALUE";
  public static final String INVALID_KEY = "INVALID_KEY";
  public static final String DESERIALIZATION_FAILED = "DESERIALIZATION_FAILED";

  private final Deserializer<V> valueDeserializer;
  private final String service;

  public RecordDecoder(Deserializer<V> valueDeserializer, String service) {
    this.valueDeserializer = valueDeserializer;
    this.service = service;
  }

  /** Decodes one record; never throws for bad bytes. */
  public Decoded<V> decode(ConsumerRecord<byte[], byte[]> record) {
    String key;
    try {
      key = record.key() == null ? null : utf8(record.key());
    } catch (IllegalArgumentException e) {
      return refuse(INVALID_KEY, e, record);
    }
    if (record.value() == null) {
      return new Decoded.Refused<>(new DeadLetter(NULL_VALUE, "record has a null value", null, record.topic(),
          record.partition(), record.offset(), service));
    }
    try {
      V value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
      return new Decoded.Ok<>(key, value);
    } catch (AvroWireFormatException e) {
      return refuse(e.reason().name(), e, record);
    } catch (RuntimeException e) {
      return refuse(DESERIALIZATION_FAILED, e, record);
    }
  }

  /** The key as text, or an exception naming the first byte that is not UTF-8. */
  private static String utf8(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      throw new IllegalArgumentException("record key of " + bytes.length + " bytes is not valid UTF-8: "
          + (result.isMalformed() ? "malformed" : "unmappable") + " input of " + result.length()
          + " byte(s) at byte " + in.position());
    }
    return out.flip().toString();
  }

  private Decoded<V> refuse(String reason, Throwable e, ConsumerRecord<byte[], byte[]> record) {
    return new Decoded.Refused<>(DeadLetter.of(reason, e, record.topic(), record.partition(), record.offset(), service));
  }
}
