package io.kefu.registry;

import java.util.Map;
import java.util.Objects;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.registry.http.RegistryHttpServer;
import io.kefu.registry.service.RegistryState;
import io.kefu.registry.service.SchemaRegistryService;
import io.kefu.registry.store.KafkaStore;
import io.kefu.registry.store.RegistryTopic;
import io.kefu.registry.store.StoreCodec;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking Confluent Schema Registry's REST API, keeping schemas and compatibility levels in a
 * compacted Kafka topic so that a restart serves the same ids and versions.
 *
 * <p>{@link #start()} creates the topic if needed, reads it whole, then listens; {@link #stop()} closes everything.
 * One registry instance writes to a topic at a time.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

  private final RegistryOptions options;
  private KafkaStore store;
  private RegistryHttpServer server;

  public EmbeddedSchemaRegistry(RegistryOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A registry configured from Kefu settings ({@link RegistrySettings} and the core Kafka settings). */
  public static EmbeddedSchemaRegistry fromConfig(KefuConfig config) {
    return new EmbeddedSchemaRegistry(RegistryOptions.fromConfig(config));
  }

  /**
   * Creates or checks the registry topic, rebuilds state from it, and starts serving HTTP.
   *
   * @throws IllegalStateException when already started, or the topic is laid out wrongly
   * @throws io.kefu.registry.store.StoreException when Kafka cannot be read in time
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("registry is already started at " + url());
    }
    RegistryTopic topic = new RegistryTopic(options.topic(), options.topicReplication());
    try (Admin admin = Admin.create(Map.copyOf(options.kafkaProperties()))) {
      topic.ensure(admin, options.initTimeout().toMillis());
    }
    RegistryState state = new RegistryState(options.defaultLevel());
    KafkaStore newStore = new KafkaStore(options.topic(), options.kafkaProperties(), new StoreCodec(), state,
        options.writeTimeout());
    newStore.start(options.initTimeout());
    RegistryHttpServer newServer = new RegistryHttpServer(options, new SchemaRegistryService(state, newStore),
        newStore::failure);
    try {
      newServer.start();
    } catch (RuntimeException e) {
      newStore.close();
      throw e;
    }
    store = newStore;
    server = newServer;
    log.info("Schema registry serving {} from topic {} ({} subjects)", url(), options.topic(),
        state.subjects().size());
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}; only while started. */
  public synchronized String url() {
    return options.url(port());
  }

  /** The port the registry listens on; only while started. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("registry is not started");
    }
    return server.port();
  }

  /** The options the registry runs with. */
  public RegistryOptions options() {
    return options;
  }

  /** Stops serving and closes the Kafka clients; does nothing when not started. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } finally {
      store.close();
      server = null;
      store = null;
      log.info("Schema registry stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }
}
