package io.kefu.lifecycle;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The typed topics and registry client a lifecycle service builds from its settings, creating missing topics first
 * when {@code topic.create} is set; closing it closes the registry client.
 *
 * @param topics the typed topic catalogue
 * @param registry the schema-registry client behind the topics' serdes
 */
public record LifecycleClients(KefuTopics topics, SchemaRegistryClient registry) implements AutoCloseable {

  /** Builds the clients from {@code config}. */
  public static LifecycleClients fromConfig(KefuConfig config) {
    TopicCatalogue catalogue = TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX));
    if (config.getBoolean(CoreSettings.TOPIC_CREATE)) {
      try (Admin admin = Admin.create(Map.copyOf(config.kafkaClientProperties()))) {
        new TopicAdmin(admin).ensureTopics(catalogue.all());
      }
    }
    SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.schemaRegistryProperties());
    return new LifecycleClients(
        KefuTopics.create(catalogue, registry, config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER)), registry);
  }

  @Override
  public void close() {
    registry.close();
  }
}
