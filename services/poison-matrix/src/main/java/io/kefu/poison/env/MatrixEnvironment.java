package io.kefu.poison.env;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real single-node Kafka broker and schema registry in this JVM, with data under one run directory and every Kefu
 * topic (named with the run's prefix) created up front.
 */
public final class MatrixEnvironment implements AutoCloseable {
  private final Path runDirectory;
  private final TopicCatalogue topics;
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final Admin admin;

  private MatrixEnvironment(Path runDirectory, TopicCatalogue topics, EmbeddedKafkaBroker broker,
      EmbeddedSchemaRegistry registry, Admin admin) {
    this.runDirectory = runDirectory;
    this.topics = topics;
    this.broker = broker;
    this.registry = registry;
    this.admin = admin;
  }

  /** Starts a broker in {@code runDirectory/kafka} on a free port, a registry on it, and the catalogue's topics. */
  public static MatrixEnvironment start(Path runDirectory, String topicPrefix) {
    try {
      Files.createDirectories(runDirectory.resolve("kafka"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory " + runDirectory, e);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(runDirectory.resolve("kafka"))
        .optBrokerProperties(Map.of("group.initial.rebalance.delay.ms", "0")).build();
    EmbeddedSchemaRegistry registry = null;
    Admin admin = null;
    try {
      broker.start();
      registry = new EmbeddedSchemaRegistry(RegistryOptions.builder().setBootstrapServers(broker.bootstrapServers())
          .optPort(0).optTopicReplication((short) 1).build());
      registry.start();
      admin = Admin.create(broker.clientProperties());
      TopicCatalogue topics = TopicCatalogue.load(topicPrefix);
      new TopicAdmin(admin).ensureTopics(topics.all());
      return new MatrixEnvironment(runDirectory, topics, broker, registry, admin);
    } catch (RuntimeException e) {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
      if (registry != null) {
        registry.stop();
      }
      broker.stop();
      throw e;
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /** The run's topics (with its prefix). */
  public TopicCatalogue topics() {
    return topics;
  }

  /** A new mutable map of client settings for the broker. */
  public Map<String, Object> clientProperties() {
    return broker.clientProperties();
  }

  /** The run's admin client; owned by the environment. */
  public Admin admin() {
    return admin;
  }

  public Path runDirectory() {
    return runDirectory;
  }

  @Override
  public void close() {
    try {
      admin.close(Duration.ofSeconds(5));
    } finally {
      try {
        registry.stop();
      } finally {
        broker.stop();
      }
    }
  }
}
