package io.kefu.poison.run;

import io.kefu.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Encodes a generic record with its own schema in the Confluent wire format, registering that schema under a
 * subject of the caller's choice; lets a case send a schema the topic's subject would refuse as incompatible.
 */
public final class OwnSchemaEncoder {
  private final SchemaRegistryClient registry;

  public OwnSchemaEncoder(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /** {@code record} in the Confluent wire format, its schema registered under {@code subject} if new. */
  public byte[] encode(String subject, GenericRecord record) {
    int id = registry.register(subject, record.getSchema());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a " + record.getSchema().getFullName() + " with schema id " + id,
          e);
    }
    return out.toByteArray();
  }
}
