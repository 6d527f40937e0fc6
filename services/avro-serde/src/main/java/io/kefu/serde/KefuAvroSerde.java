package io.kefu.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams {@link Serde} pairing {@link KefuAvroSerializer} and {@link KefuAvroDeserializer}. */
public final class KefuAvroSerde<T extends IndexedRecord> implements Serde<T> {

  private final KefuAvroSerializer<T> serializer;
  private final KefuAvroDeserializer<T> deserializer;
  /** True for a serde made by Kafka's reflection, which builds its registry client in {@link #configure}. */
  private final boolean buildsClientInConfigure;
  private volatile SchemaRegistryClient ownedClient;

  /**
   * For Kafka's reflective construction (e.g. {@code default.value.serde}): {@link #configure} must be called;
   * records are read as {@link GenericRecord} unless {@code specific.avro.reader=true}.
   */
  public KefuAvroSerde() {
    this.serializer = new KefuAvroSerializer<>();
    this.deserializer = new KefuAvroDeserializer<>();
    this.buildsClientInConfigure = true;
  }

  private KefuAvroSerde(KefuAvroSerializer<T> serializer, KefuAvroDeserializer<T> deserializer,
      SchemaRegistryClient ownedClient) {
    this.serializer = serializer;
    this.deserializer = deserializer;
    this.ownedClient = ownedClient;
    this.buildsClientInConfigure = false;
  }

  /** A ready serde for the generated class {@code recordClass} that registers schemas automatically. */
  public static <T extends SpecificRecord> KefuAvroSerde<T> of(Class<T> recordClass, SchemaRegistryClient client,
      boolean isKey) {
    return of(recordClass, client, isKey, true);
  }

  /** A ready serde for {@code recordClass}; with {@code autoRegister} false the serializer only looks schemas up. */
  public static <T extends SpecificRecord> KefuAvroSerde<T> of(Class<T> recordClass, SchemaRegistryClient client,
      boolean isKey, boolean autoRegister) {
    Objects.requireNonNull(client, "client");
    return new KefuAvroSerde<>(new KefuAvroSerializer<>(client, isKey, autoRegister),
        KefuAvroDeserializer.of(recordClass, client), null);
  }

  /**
   * A ready serde for {@code recordClass} whose registry client is built from a Kafka-style config map
   * ({@code schema.registry.url}, auth, TLS, timeouts, {@code auto.register.schemas}); closing the serde closes it.
   */
  public static <T extends SpecificRecord> KefuAvroSerde<T> of(Class<T> recordClass, Map<String, ?> configs,
      boolean isKey) {
    SchemaRegistryClient client = SchemaRegistryClients.fromConfig(configs);
    boolean autoRegister = KefuAvroSerdeConfig.booleanValue(configs, KefuAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    return new KefuAvroSerde<>(new KefuAvroSerializer<>(client, isKey, autoRegister),
        KefuAvroDeserializer.of(recordClass, client), SchemaRegistryClients.isProvided(configs) ? null : client);
  }

  /** A ready serde of {@link GenericRecord}s (read with their writer schema), for tools. */
  public static KefuAvroSerde<GenericRecord> generic(SchemaRegistryClient client, boolean isKey) {
    return new KefuAvroSerde<>(new KefuAvroSerializer<>(client, isKey), KefuAvroDeserializer.generic(client), null);
  }

  /**
   * For a serde made by reflection: builds one registry client from {@code configs} shared by the serializer and
   * deserializer. For a ready serde: only {@code auto.register.schemas} and {@code isKey} are applied.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (!buildsClientInConfigure) {
      serializer.configure(configs, isKey);
      return;
    }
    SchemaRegistryClient previous = ownedClient;
    if (previous != null) {
      previous.close();
    }
    SchemaRegistryClient client = SchemaRegistryClients.fromConfig(configs);
    ownedClient = SchemaRegistryClients.isProvided(configs) ? null : client;
    Map<String, Object> shared = new HashMap<>(configs);
    shared.put(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT, client);
    serializer.configure(shared, isKey);
    deserializer.configure(shared, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  /** Closes the serializer, the deserializer and any registry client this serde built from config. */
  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    if (ownedClient != null) {
      ownedClient.close();
    }
  }
}
