package io.kefu.serde;

import io.kefu.serde.AvroWireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} writing Avro records in the Confluent wire format (magic byte 0, 4-byte big-endian
 * schema id, Avro binary) under the TopicNameStrategy subject; thread-safe once configured.
 *
 * <p>The schema id comes from registering the record's schema ({@code auto.register.schemas=true}, the default)
 * or from looking it up ({@code false}). A null record becomes null bytes (a tombstone).
 */
public final class KefuAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

  private record State(SchemaRegistryClient client, boolean ownsClient, boolean isKey, boolean autoRegister) {}

  /** Specific and generic records of one schema need different writers (logical-type conversions differ). */
  private record WriterKey(Class<?> recordClass, Schema schema) {}

  private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  /** True when the client was given at construction; configure then keeps it. */
  private final boolean clientGiven;
  private volatile State state;

  /** For Kafka's reflective construction: {@link #configure} must be called before use. */
  public KefuAvroSerializer() {
    this.clientGiven = false;
  }

  /** A ready serializer using {@code client}, registering schemas automatically. */
  public KefuAvroSerializer(SchemaRegistryClient client, boolean isKey) {
    this(client, isKey, true);
  }

  /** A ready serializer using {@code client}; with {@code autoRegister} false it only looks schemas up. */
  public KefuAvroSerializer(SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
    this.state = new State(Objects.requireNonNull(client, "client"), false, isKey, autoRegister);
    this.clientGiven = true;
  }

  /**
   * Reads {@code auto.register.schemas} and, unless this serializer was made with a client, the registry keys
   * ({@code schema.registry.url}, basic auth, trust store, timeouts, or {@code kefu.schema.registry.client}).
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    boolean autoRegister = KefuAvroSerdeConfig.booleanValue(configs, KefuAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    State previous = state;
    if (clientGiven) {
      state = new State(previous.client(), false, isKey, autoRegister);
      return;
    }
    if (previous != null && previous.ownsClient()) {
      previous.client().close();
    }
    SchemaRegistryClient client = SchemaRegistryClients.fromConfig(configs);
    state = new State(client, !SchemaRegistryClients.isProvided(configs), isKey, autoRegister);
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    State current = requireConfigured();
    Schema schema = record.getSchema();
    String subject = TopicNameStrategy.subjectFor(topic, current.isKey());
    int id = schemaId(current, subject, schema);
    ByteArrayOutputStream body = new ByteArrayOutputStream(128);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
    try {
      writerFor(record).write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
      throw new AvroWireFormatException(Reason.UNSERIALIZABLE_RECORD, "cannot write a " + schema.getFullName()
          + " for topic '" + topic + "' with its schema: " + e.getMessage(), e);
    }
    ByteBuffer framed = ConfluentWireFormat.headerFor(id, body.size());
    framed.put(body.toByteArray());
    return framed.array();
  }

  /** Closes the registry client if this serializer made it from config. */
  @Override
  public void close() {
    State current = state;
    if (current != null && current.ownsClient()) {
      current.client().close();
    }
  }

  private static int schemaId(State state, String subject, Schema schema) {
    try {
      return state.autoRegister()
          ? state.client().register(subject, schema)
          : state.client().lookup(subject, schema);
    } catch (SchemaRegistryException e) {
      String action = state.autoRegister()
          ? "register"
          : "look up (" + KefuAvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false)";
      throw new AvroWireFormatException(Reason.REGISTRY_ERROR, "could not " + action + " schema "
          + schema.getFullName() + " under subject '" + subject + "': " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<T> writerFor(T record) {
    return writers.computeIfAbsent(new WriterKey(record.getClass(), record.getSchema()),
        key -> (DatumWriter<T>) (record instanceof SpecificRecord
            ? SpecificData.getForClass(key.recordClass()).createDatumWriter(key.schema())
            : GenericData.get().createDatumWriter(key.schema())));
  }

  private State requireConfigured() {
    State current = state;
    if (current == null) {
      throw new IllegalStateException("KefuAvroSerializer is not configured: call configure(configs, isKey)"
          + " or construct it with a SchemaRegistryClient");
    }
    return current;
  }
}
