package io.kefu.cli.platform;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real single-node Kafka broker (KRaft), the schema registry and Kefu's topics, started in this process on the
 * data directory, so the default mode needs nothing installed; {@link #config()} points clients at them.
 */
public final class EmbeddedPlatform implements AutoCloseable {
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final KefuConfig config;
  private final TopicAdmin.Outcome topics;
  private final Duration startup;

  private EmbeddedPlatform(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, KefuConfig config,
      TopicAdmin.Outcome topics, Duration startup) {
    this.broker = broker;
    this.registry = registry;
    this.config = config;
    this.topics = topics;
    this.startup = startup;
  }

  /** Starts broker, registry and topics; {@code progress} hears one line per step. */
  public static EmbeddedPlatform start(KefuConfig base, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Path dataDir = Path.of(base.get(CoreSettings.DATA_DIR)).toAbsolutePath();
    progress.accept("starting Kafka broker (KRaft) in " + dataDir.resolve("kafka"));
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
        .setDataDirectory(dataDir.resolve("kafka"))
        .optHost(base.get(CoreSettings.HTTP_HOST))
        .optPort(base.getInt(PlatformSettings.KAFKA_PORT))
        .optControllerPort(base.getInt(PlatformSettings.KAFKA_CONTROLLER_PORT))
        .build();
    broker.start();
    EmbeddedSchemaRegistry registry = null;
    try {
      KefuConfig withKafka = base.with(Map.of(CoreSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
      progress.accept("Kafka ready at " + broker.bootstrapServers() + "; starting schema registry");
      registry = EmbeddedSchemaRegistry.fromConfig(withKafka);
      registry.start();
      KefuConfig withRegistry = withKafka.with(Map.of(CoreSettings.SCHEMA_REGISTRY_URL, registry.url()));
      progress.accept("schema registry ready at " + registry.url() + "; creating topics");
      TopicAdmin.Outcome topics;
      try (Admin admin = Admin.create(withRegistry.kafkaClientProperties())) {
        topics = new TopicAdmin(admin).ensureTopics(
            TopicCatalogue.load(withRegistry.get(CoreSettings.TOPIC_PREFIX)).all());
      }
      return new EmbeddedPlatform(broker, registry, withRegistry, topics,
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  /** Settings pointing at this platform's broker and registry. */
  public KefuConfig config() {
    return config;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public TopicAdmin.Outcome topics() {
    return topics;
  }

  /** How long {@link #start} took. */
  public Duration startup() {
    return startup;
  }

  /** Stops the registry, then the broker (which flushes its logs). */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      broker.close();
    }
  }
}
