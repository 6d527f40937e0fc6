package io.kefu.finetune.bench;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistrySettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The benchmark's own Kafka: an embedded broker on a free port in a fresh directory, the embedded schema registry and
 * every Kefu topic (prefix {@value #TOPIC_PREFIX}); {@link #config()} points the services at them.
 */
final class FlywheelPlatform implements AutoCloseable {
  static final String TOPIC_PREFIX = "flywheel.";

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final KefuConfig config;

  private FlywheelPlatform(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, KefuConfig config) {
    this.broker = broker;
    this.registry = registry;
    this.config = config;
  }

  /** Starts broker, registry and topics in {@code directory}, with {@code base} and {@code overrides} applied. */
  static FlywheelPlatform start(KefuConfig base, Map<String, String> overrides, Path directory) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
        .setDataDirectory(directory.resolve("kafka"))
        .optHost("127.0.0.1")
        .build();
    broker.start();
    EmbeddedSchemaRegistry registry = null;
    try {
      Map<String, String> settings = new LinkedHashMap<>(overrides);
      settings.put(CoreSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      settings.put(CoreSettings.DATA_DIR, directory.toString());
      settings.put(CoreSettings.TOPIC_PREFIX, TOPIC_PREFIX);
      settings.put(CoreSettings.TOPIC_CREATE, "true");
      settings.put(CoreSettings.HTTP_HOST, "127.0.0.1");
      settings.put(RegistrySettings.PORT, "0");
      settings.put(RegistrySettings.TOPIC, "_schemas-flywheel");
      settings.put(RegistrySettings.TOPIC_REPLICATION, "1");
      KefuConfig withKafka = base.with(settings);
      registry = EmbeddedSchemaRegistry.fromConfig(withKafka);
      registry.start();
      KefuConfig config = withKafka.with(Map.of(CoreSettings.SCHEMA_REGISTRY_URL, registry.url()));
      try (Admin admin = Admin.create(config.kafkaClientProperties())) {
        new TopicAdmin(admin).ensureTopics(TopicCatalogue.load(TOPIC_PREFIX).all());
      }
      return new FlywheelPlatform(broker, registry, config);
    } catch (RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  /** Settings pointing at this platform. */
  KefuConfig config() {
    return config;
  }

  /** Stops the registry, then the broker. */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      broker.close();
    }
  }
}
