package io.kefu.feedback.route;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a {@link Routed.DeadLetterRecord} as its original value bytes; it is never read back as such. */
public final class DeadLetterValueSerde implements Serde<Routed.DeadLetterRecord> {

  @Override
  public Serializer<Routed.DeadLetterRecord> serializer() {
    return (topic, letter) -> letter == null ? null : letter.value();
  }

  @Override
  public Deserializer<Routed.DeadLetterRecord> deserializer() {
    return (topic, bytes) -> {
      throw new UnsupportedOperationException("dead letters of '" + topic + "' are read as raw bytes, not as "
          + "DeadLetterRecord");
    };
  }
}
