package io.kefu.registry.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the registry topic (compacted, one partition) when it is missing and refuses one laid out otherwise, as
 * Confluent Schema Registry does: more partitions would break write order, deletion would lose schemas.
 */
public final class RegistryTopic {
  private static final long METADATA_RETRY_MS = 100;

  private final String name;
  private final short replication;

  public RegistryTopic(String name, short replication) {
    this.name = name;
    this.replication = replication;
  }

  public String name() {
    return name;
  }

  /**
   * Creates the topic if needed and checks its layout.
   *
   * @throws IllegalStateException naming what is wrong with an existing topic, or why Kafka could not answer
   */
  public void ensure(Admin admin, long timeoutMs) {
    new TopicAdmin(admin).ensureTopics(List.of(new TopicSpec(name, 1, replication, TopicConfig.CLEANUP_POLICY_COMPACT,
        -1, "Kefu schema registry: schemas and compatibility levels")));
    try {
      TopicDescription description = describeOnceCreated(admin, timeoutMs);
      if (description.partitions().size() != 1) {
        throw new IllegalStateException("registry topic '" + name + "' has " + description.partitions().size()
            + " partitions; it must have exactly 1 so that schema ids and versions are assigned in order");
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
      Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all()
          .get(timeoutMs, TimeUnit.MILLISECONDS);
      ConfigEntry policy = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
      String value = policy == null ? "" : policy.value();
      if (!value.equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
        throw new IllegalStateException("registry topic '" + name + "' has cleanup.policy=" + value
            + "; it must be compact alone, or old schemas would be deleted");
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe registry topic '" + name + "': " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot describe registry topic '" + name + "': Kafka did not answer within "
          + timeoutMs + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking registry topic '" + name + "'", e);
    }
  }

  /** Describes the topic, waiting while the cluster's metadata does not show a topic just created yet. */
  private TopicDescription describeOnceCreated(Admin admin, long timeoutMs)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try {
        return admin.describeTopics(List.of(name)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS).get(name);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(METADATA_RETRY_MS);
      }
    }
  }
}
