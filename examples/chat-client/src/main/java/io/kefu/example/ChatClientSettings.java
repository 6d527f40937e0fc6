package io.kefu.example;

import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where Kefu runs and the producer and consumer configs a chat platform needs for it: string keys, Avro values in
 * the Confluent wire format, an idempotent producer and a read_committed consumer.
 */
public record ChatClientSettings(String bootstrapServers, String schemaRegistryUrl, ChatTopics topics) {

  public ChatClientSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(topics, "topics");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must be host:port[,host:port...], was blank");
    }
    if (!schemaRegistryUrl.startsWith("http://") && !schemaRegistryUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "schema registry URL must start with http:// or https://, was '" + schemaRegistryUrl + "'");
    }
  }

  /** Settings for the default topic names. */
  public static ChatClientSettings of(String bootstrapServers, String schemaRegistryUrl) {
    return new ChatClientSettings(bootstrapServers, schemaRegistryUrl, ChatTopics.defaults());
  }

  /** The producer config: acks=all and idempotence, so a retried send is written once. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KefuAvroSerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put("schema.registry.url", schemaRegistryUrl);
    // The first producer of a topic registers its value schema; the registry's compatibility check refuses a
    // contract copy that readers could not read. Set false where an operator registers the schemas.
    config.put("auto.register.schemas", true);
    return config;
  }

  /**
   * The consumer config: read_committed (Kefu writes replies in transactions; an aborted attempt must not reach the
   * customer), generated classes as values, and no committed offsets, since this client only waits for new replies.
   */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "chat-client-" + UUID.randomUUID());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KefuAvroDeserializer.class);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put("schema.registry.url", schemaRegistryUrl);
    config.put("specific.avro.reader", true);
    return config;
  }
}
