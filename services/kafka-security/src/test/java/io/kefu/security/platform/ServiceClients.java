package io.kefu.security.platform;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.Topic;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The Kafka clients and serdes of one Kefu service, made from nothing but its {@link KefuConfig}, the way the
 * services themselves make them: {@code kafkaClientProperties()} for Kafka, {@code schemaRegistryProperties()} for the
 * registry, the topic catalogue from {@code topic.prefix}.
 */
final class ServiceClients implements AutoCloseable {
  private final KefuConfig config;
  private final SchemaRegistryClient registry;
  private final KefuTopics topics;

  ServiceClients(KefuConfig config) {
    this.config = config;
    this.registry = SchemaRegistryClients.fromConfig(config.schemaRegistryProperties());
    this.topics = KefuTopics.create(TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX)), registry,
        config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER));
  }

  KefuTopics topics() {
    return topics;
  }

  SchemaRegistryClient registry() {
    return registry;
  }

  /** A producer of {@code topic}'s keys and values with the service's settings under {@code extra}. */
  <V> KafkaProducer<String, V> producer(Topic<String, V> topic, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
    props.putAll(extra);
    return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** A consumer of {@code topic}'s keys and values with the service's settings under {@code extra}. */
  <V> KafkaConsumer<String, V> consumer(Topic<String, V> topic, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
    props.put("auto.offset.reset", "earliest");
    props.put("enable.auto.commit", false);
    props.putAll(extra);
    return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** An admin client with the service's settings under {@code extra}. */
  Admin admin(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
    props.putAll(extra);
    return Admin.create(props);
  }

  @Override
  public void close() {
    registry.close();
  }
}
