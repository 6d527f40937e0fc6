package io.kefu.dashboard.support;

import io.kefu.dashboard.DashboardSettings;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistrySettings;
import io.kefu.serde.RestSchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real Kefu platform for integration tests: an embedded broker on a temporary directory, the embedded schema
 * registry, and every Kefu topic created from the catalogue.
 */
public final class KefuTestPlatform implements AutoCloseable {
  private final Path dataDirectory;
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final RestSchemaRegistryClient registryClient;
  private final KefuTopics topics;

  private KefuTestPlatform(Path dataDirectory, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
    this.dataDirectory = dataDirectory;
    this.broker = broker;
    this.registry = registry;
    this.registryClient = new RestSchemaRegistryClient(registry.url());
    this.topics = KefuTopics.create(TopicCatalogue.load(""), registryClient, true);
  }

  /** Starts a broker and a registry and creates the topics. */
  public static KefuTestPlatform start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("kefu-dashboard-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dir.resolve("kafka")).build();
    broker.start();
    KefuConfig base = config(broker.bootstrapServers(), "http://unused", Map.of(
        RegistrySettings.PORT, "0", RegistrySettings.TOPIC_REPLICATION, "1"));
    EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.fromConfig(base);
    registry.start();
    try (Admin admin = Admin.create(broker.clientProperties())) {
      new TopicAdmin(admin).ensureTopics(TopicCatalogue.load("").all());
    }
    return new KefuTestPlatform(dir, broker, registry);
  }

  private static KefuConfig config(String bootstrap, String registryUrl, Map<String, String> more) {
    Map<String, String> overrides = new HashMap<>(more);
    overrides.put(CoreSettings.BOOTSTRAP_SERVERS, bootstrap);
    overrides.put(CoreSettings.SCHEMA_REGISTRY_URL, registryUrl);
    overrides.put(CoreSettings.DATA_DIR, "target/unused-data");
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), overrides);
  }

  /** Settings for a dashboard on this platform: a free port, then {@code overrides}. */
  public KefuConfig dashboardConfig(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>();
    all.put(DashboardSettings.PORT, "0");
    all.put(DashboardSettings.PUSH_INTERVAL, "500ms");
    all.put(DashboardSettings.LAG_INTERVAL, "1s");
    all.putAll(overrides);
    return config(broker.bootstrapServers(), registry.url(), all);
  }

  public KefuTopics topics() {
    return topics;
  }

  /** The catalogue with topic names under {@code prefix} (whose topics {@link #createTopics} makes). */
  public KefuTopics topics(String prefix) {
    return KefuTopics.create(TopicCatalogue.load(prefix), registryClient, true);
  }

  /** Creates every Kefu topic under {@code prefix}. */
  public void createTopics(String prefix) {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      new TopicAdmin(admin).ensureTopics(TopicCatalogue.load(prefix).all());
    }
  }

  public Map<String, Object> clientProperties() {
    return broker.clientProperties();
  }

  /** A producer writing typed records with the catalogue's serdes. */
  public TestProducer producer() {
    return new TestProducer(broker.clientProperties());
  }

  @Override
  public void close() {
    try {
      registryClient.close();
      registry.stop();
    } finally {
      broker.stop();
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
