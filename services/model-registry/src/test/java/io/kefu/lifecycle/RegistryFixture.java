package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** An embedded schema registry and the Kefu topics under a prefix, on a running embedded broker. */
public final class RegistryFixture implements AutoCloseable {
  private final Map<String, Object> kafka;
  private final EmbeddedSchemaRegistry registry;
  private final RestSchemaRegistryClient client;
  private final KefuTopics topics;

  public RegistryFixture(Map<String, Object> kafka, String prefix) {
    this.kafka = Map.copyOf(kafka);
    this.registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(kafka)
        .optTopic("_schemas-" + prefix)
        .optTopicReplication((short) 1)
        .build());
    registry.start();
    this.client = new RestSchemaRegistryClient(registry.url());
    TopicCatalogue catalogue = TopicCatalogue.load(prefix);
    try (Admin admin = Admin.create(this.kafka)) {
      new TopicAdmin(admin).ensureTopics(catalogue.all());
    }
    this.topics = KefuTopics.create(catalogue, client, true);
  }

  public Map<String, Object> kafka() {
    return kafka;
  }

  public String registryUrl() {
    return registry.url();
  }

  public KefuTopics topics() {
    return topics;
  }

  /** A started view that has caught up. */
  public ModelRegistryView startedView() throws InterruptedException {
    ModelRegistryView view = new ModelRegistryView(kafka, topics.modelVersions());
    view.start();
    if (!view.awaitCaughtUp(Duration.ofSeconds(60))) {
      throw new IllegalStateException("view did not catch up");
    }
    return view;
  }

  /** Writes a first record (as the fine-tuner does) with a plain producer. */
  public ModelVersion writeCandidate(String version, String parent, Instant at) {
    ModelVersion record = ModelVersionRecords.first("kefu", version, ModelStatus.CANDIDATE, parent,
        "file:///store/" + version, "sha-" + version, Map.of("examples", 100.0), Map.of("intent", 0.9), "passed gate",
        at);
    send(topics.modelVersions().name(), ModelVersionKey.of(record).toString(), record,
        topics.modelVersions().valueSerde().serializer());
    return record;
  }

  /** Sends one record with a plain producer and waits for it. */
  public <V> void send(String topic, String key, V value, org.apache.kafka.common.serialization.Serializer<V> values) {
    Map<String, Object> props = new HashMap<>(kafka);
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(props,
        new org.apache.kafka.common.serialization.StringSerializer(), values)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot send to " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.close();
    registry.stop();
  }
}
