package io.kefu.serde;

import io.kefu.serde.AvroWireFormatException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} reading Confluent-wire-format Avro: the writer schema comes from the registry by the
 * id in bytes 1-4 (cached) and is resolved against the reader schema; thread-safe once configured.
 *
 * <p>The reader is the generated class given at construction ({@link #of}), the generated class named by the
 * writer schema ({@code specific.avro.reader=true}), or the writer schema itself ({@link #generic}, or
 * {@code specific.avro.reader=false}). Null bytes become null; every bad input raises
 * {@link AvroWireFormatException} with its {@link Reason}.
 */
public final class KefuAvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

  /** How the reader schema and data model are chosen for a writer schema. */
  private sealed interface ReaderChoice permits FixedClass, ClassByWriterName, WriterSchema {}

  private record FixedClass(Class<? extends SpecificRecord> recordClass) implements ReaderChoice {}

  private record ClassByWriterName() implements ReaderChoice {}

  private record WriterSchema() implements ReaderChoice {}

  private record State(SchemaRegistryClient client, boolean ownsClient, ReaderChoice choice) {}

  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  /** True when the client was given at construction; configure then keeps it. */
  private final boolean clientGiven;
  private volatile State state;

  /** For Kafka's reflective construction: {@link #configure} must be called before use. */
  public KefuAvroDeserializer() {
    this.clientGiven = false;
  }

  private KefuAvroDeserializer(SchemaRegistryClient client, ReaderChoice choice) {
    this.state = new State(Objects.requireNonNull(client, "client"), false, choice);
    this.clientGiven = true;
  }

  /** A ready deserializer into the generated class {@code recordClass}, fetching writer schemas from {@code client}. */
  public static <T extends SpecificRecord> KefuAvroDeserializer<T> of(Class<T> recordClass,
      SchemaRegistryClient client) {
    return new KefuAvroDeserializer<>(client, new FixedClass(Objects.requireNonNull(recordClass, "recordClass")));
  }

  /** A ready deserializer into {@link GenericRecord}s of the writer schema, for tools that know no classes. */
  public static KefuAvroDeserializer<GenericRecord> generic(SchemaRegistryClient client) {
    return new KefuAvroDeserializer<>(client, new WriterSchema());
  }

  /**
   * Reads the registry keys unless this deserializer was made with a client; a deserializer made without a record
   * class also reads {@code specific.avro.reader}.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (clientGiven) {
      return;
    }
    State previous = state;
    if (previous != null && previous.ownsClient()) {
      previous.client().close();
    }
    ReaderChoice choice = KefuAvroSerdeConfig.booleanValue(configs, KefuAvroSerdeConfig.SPECIFIC_AVRO_READER, false)
        ? new ClassByWriterName()
        : new WriterSchema();
    readers.clear();
    state = new State(SchemaRegistryClients.fromConfig(configs), !SchemaRegistryClients.isProvided(configs), choice);
  }

  @Override
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    State current = requireConfigured();
    int id = ConfluentWireFormat.schemaIdOf(payload);
    DatumReader<T> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(current, id);
      readers.putIfAbsent(id, reader);
    }
    int bodyLength = payload.length - ConfluentWireFormat.HEADER_LENGTH;
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(payload, ConfluentWireFormat.HEADER_LENGTH, bodyLength, null);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (EOFException e) {
      throw new AvroWireFormatException(Reason.TRUNCATED_PAYLOAD, "the Avro body of " + bodyLength
          + " bytes ended early (schema id " + id + ", topic '" + topic + "')", e);
    } catch (IOException | RuntimeException e) {
      throw new AvroWireFormatException(Reason.MALFORMED_PAYLOAD, "the Avro body of " + bodyLength
          + " bytes does not decode with schema id " + id + " (topic '" + topic + "'): " + e, e);
    }
    if (!isEnd(decoder)) {
      throw new AvroWireFormatException(Reason.MALFORMED_PAYLOAD, "trailing bytes after the record in an Avro body"
          + " of " + bodyLength + " bytes (schema id " + id + ", topic '" + topic + "')");
    }
    return record;
  }

  /** Closes the registry client if this deserializer made it from config. */
  @Override
  public void close() {
    State current = state;
    if (current != null && current.ownsClient()) {
      current.client().close();
    }
  }

  private DatumReader<T> readerFor(State state, int id) {
    Schema writer = writerSchema(state.client(), id);
    if (writer.getType() != Schema.Type.RECORD) {
      throw new AvroWireFormatException(Reason.SCHEMA_NOT_READABLE,
          "schema id " + id + " is a " + writer.getType() + ", not a record");
    }
    SpecificData model;
    Schema reader;
    if (state.choice() instanceof FixedClass fixed) {
      model = SpecificData.getForClass(fixed.recordClass());
      reader = model.getSchema(fixed.recordClass());
    } else if (state.choice() instanceof ClassByWriterName) {
      Class<?> recordClass = SpecificData.get().getClass(writer);
      if (recordClass == null || !SpecificRecord.class.isAssignableFrom(recordClass)) {
        throw new AvroWireFormatException(Reason.SCHEMA_NOT_READABLE, "no generated class "
            + writer.getFullName() + " on the classpath to read schema id " + id + " into ("
            + KefuAvroSerdeConfig.SPECIFIC_AVRO_READER + " is true)");
      }
      model = SpecificData.getForClass(recordClass);
      reader = model.getSchema(recordClass);
    } else {
      return castReader(GenericData.get().createDatumReader(writer, writer));
    }
    SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      String problems = compatibility.getResult().getIncompatibilities().stream()
          .map(problem -> problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage())
          .collect(Collectors.joining("; "));
      throw new AvroWireFormatException(Reason.SCHEMA_NOT_READABLE, "writer schema id " + id + " ("
          + writer.getFullName() + ") cannot be read as " + reader.getFullName() + ": " + problems);
    }
    return castReader(model.createDatumReader(writer, reader));
  }

  private static Schema writerSchema(SchemaRegistryClient client, int id) {
    try {
      return client.getById(id);
    } catch (SchemaRegistryException e) {
      Reason reason = switch (e.errorCode()) {
        case SchemaRegistryException.SCHEMA_NOT_FOUND -> Reason.UNKNOWN_SCHEMA_ID;
        case SchemaRegistryException.INVALID_SCHEMA -> Reason.SCHEMA_NOT_READABLE;
        default -> Reason.REGISTRY_ERROR;
      };
      throw new AvroWireFormatException(reason, "cannot fetch writer schema id " + id + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEnd(BinaryDecoder decoder) {
    try {
      return decoder.isEnd();
    } catch (IOException e) {
      throw new AvroWireFormatException(Reason.MALFORMED_PAYLOAD, "cannot tell whether the Avro body ended", e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumReader<T> castReader(DatumReader<?> reader) {
    return (DatumReader<T>) reader;
  }

  private State requireConfigured() {
    State current = state;
    if (current == null) {
      throw new IllegalStateException("KefuAvroDeserializer is not configured: call configure(configs, isKey)"
          + " or use KefuAvroDeserializer.of(...) / generic(...)");
    }
    return current;
  }
}
