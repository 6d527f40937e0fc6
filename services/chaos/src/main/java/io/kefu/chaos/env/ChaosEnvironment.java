package io.kefu.chaos.env;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicSpec;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ground a chaos run stands on: a real embedded Kafka broker in this JVM (or a {@link BrokerCluster} of broker
 * processes) and a schema registry, keeping their data under one run directory, and every Kefu topic (with the run's
 * prefix) created up front.
 *
 * <pre>{@code
 * try (ChaosEnvironment env = ChaosEnvironment.start(runDirectory, "crash.")) {
 *   env.bootstrapServers(); env.registryUrl();   // for the child processes' settings
 *   env.restartBroker();                         // same data directory and port
 * }
 * try (ChaosEnvironment env = ChaosEnvironment.start(runDirectory, "kill.", 3)) {
 *   env.cluster().orElseThrow().killAndRestart(2, Duration.ofSeconds(5));   // SIGKILL one node of three
 * }
 * }</pre>
 */
public final class ChaosEnvironment implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChaosEnvironment.class);
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(120);

  private final Path runDirectory;
  private final String topicPrefix;
  /** The single in-process broker, or null when the run has a {@link #cluster}. */
  private final EmbeddedKafkaBroker broker;
  /** The multi-node cluster of broker processes, or null when the run has a single {@link #broker}. */
  private final BrokerCluster cluster;
  private final EmbeddedSchemaRegistry registry;
  private final Admin admin;

  private ChaosEnvironment(Path runDirectory, String topicPrefix, EmbeddedKafkaBroker broker, BrokerCluster cluster,
      EmbeddedSchemaRegistry registry, Admin admin) {
    this.runDirectory = runDirectory;
    this.topicPrefix = topicPrefix;
    this.broker = broker;
    this.cluster = cluster;
    this.registry = registry;
    this.admin = admin;
  }

  /**
   * Starts a broker in {@code runDirectory/kafka} on a free port, a registry on it, and creates the catalogue's
   * topics named with {@code topicPrefix}; on failure stops what it started.
   */
  public static ChaosEnvironment start(Path runDirectory, String topicPrefix) {
    return start(runDirectory, topicPrefix, 1);
  }

  /**
   * Starts the run's Kafka in {@code runDirectory/kafka} on free ports: one in-process broker when {@code brokers} is
   * 1, else a {@link BrokerCluster} of that many node processes (replication 3, min.insync.replicas 2 for three); then
   * a registry on it, and creates the catalogue's topics named with {@code topicPrefix}; on failure stops what it
   * started.
   */
  public static ChaosEnvironment start(Path runDirectory, String topicPrefix, int brokers) {
    if (brokers < 1) {
      throw new IllegalArgumentException("a run needs at least one broker, was " + brokers);
    }
    try {
      Files.createDirectories(runDirectory.resolve("kafka"));
      Files.createDirectories(runDirectory.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory " + runDirectory, e);
    }
    EmbeddedKafkaBroker broker = brokers > 1 ? null
        : EmbeddedKafkaBroker.builder().setDataDirectory(runDirectory.resolve("kafka"))
            // One broker: the transaction log and offsets topic cannot have more replicas than that.
            .optBrokerProperties(Map.of("group.initial.rebalance.delay.ms", "0")).build();
    BrokerCluster cluster = null;
    EmbeddedSchemaRegistry registry = null;
    Admin admin = null;
    try {
      String bootstrap;
      short replication;
      if (broker != null) {
        broker.start();
        bootstrap = broker.bootstrapServers();
        replication = 1;
      } else {
        cluster = BrokerCluster.start(runDirectory.resolve("kafka"), runDirectory.resolve("logs"), brokers);
        bootstrap = cluster.bootstrapServers();
        replication = cluster.replication();
      }
      registry = new EmbeddedSchemaRegistry(RegistryOptions.builder().setBootstrapServers(bootstrap)
          .optPort(0).optTopicReplication(replication).build());
      registry.start();
      admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
      List<TopicSpec> specs = TopicCatalogue.load(topicPrefix).all();
      new TopicAdmin(admin).ensureTopics(specs);
      awaitLeaders(admin, specs.stream().map(TopicSpec::name).toList());
      log.info("chaos environment in {}: Kafka {}, registry {}, topic prefix '{}'", runDirectory, bootstrap,
          registry.url(), topicPrefix);
      return new ChaosEnvironment(runDirectory, topicPrefix, broker, cluster, registry, admin);
    } catch (RuntimeException e) {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
      if (registry != null) {
        registry.stop();
      }
      if (broker != null) {
        broker.stop();
      }
      if (cluster != null) {
        cluster.close();
      }
      throw e;
    }
  }

  /** Waits until every partition of {@code topics} has a leader, so that the first sends find one. */
  private static void awaitLeaders(Admin admin, List<String> topics) {
    long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
    while (true) {
      try {
        boolean ready = admin.describeTopics(topics).allTopicNames()
            .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
            .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (ready) {
          return;
        }
      } catch (ExecutionException e) {
        log.info("topics not described yet ({}); asking again", e.getCause().getMessage());
      } catch (TimeoutException e) {
        throw new IllegalStateException("Kafka did not describe " + topics + " within " + TOPIC_TIMEOUT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for partition leaders", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("partitions of " + topics + " had no leader within " + TOPIC_TIMEOUT);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // leadership is only observable by asking again
    }
  }

  /** A fresh run directory {@code <parent>/<name>-<timestamp>}. */
  public static Path newRunDirectory(Path parent, String name) {
    String stamp = Instant.now().toString().replace(":", "").replace(".", "");
    try {
      return Files.createDirectories(parent.resolve(name + "-" + stamp));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory under " + parent, e);
    }
  }

  /** Stops the broker cleanly and starts it again on the same data directory and port; returns the time it took. */
  public Duration restartBroker() {
    if (broker == null) {
      throw new IllegalStateException("this run has a cluster of " + cluster.size() + " broker processes; kill and"
          + " restart one node with cluster().killAndRestart(nodeId, downFor)");
    }
    long start = System.nanoTime();
    broker.stop();
    broker.start();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The broker's {@code host:port} (every node's, for a cluster), the same across restarts. */
  public String bootstrapServers() {
    return broker != null ? broker.bootstrapServers() : cluster.bootstrapServers();
  }

  /** The run's multi-node cluster, when it has one. */
  public Optional<BrokerCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** The registry's base URL. */
  public String registryUrl() {
    return registry.url();
  }

  /** The topic prefix of this run. */
  public String topicPrefix() {
    return topicPrefix;
  }

  /** The catalogue of this run's topics. */
  public TopicCatalogue topics() {
    return TopicCatalogue.load(topicPrefix);
  }

  /** A new mutable map of client settings for the broker. */
  public Map<String, Object> clientProperties() {
    if (broker != null) {
      return broker.clientProperties();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return properties;
  }

  /** The admin client of the run (do not close it). */
  public Admin admin() {
    return admin;
  }

  /** The run directory. */
  public Path runDirectory() {
    return runDirectory;
  }

  /** Where the children's logs go. */
  public Path logDirectory() {
    return runDirectory.resolve("logs");
  }

  @Override
  public void close() {
    try {
      admin.close(Duration.ofSeconds(5));
    } finally {
      try {
        registry.stop();
      } finally {
        if (broker != null) {
          broker.stop();
        } else {
          cluster.close();
        }
      }
    }
  }
}
