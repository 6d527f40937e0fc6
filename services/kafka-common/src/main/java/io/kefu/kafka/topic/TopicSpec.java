package io.kefu.kafka.topic;

import java.util.Map;
import java.util.TreeMap;

/**
 * How one topic is laid out: partitions, replication, cleanup policy and retention, as declared in infra/topics.json.
 *
 * @param name full topic name (prefix included)
 * @param partitions number of partitions, at least 1
 * @param replication declared replication factor (capped to the cluster size at creation)
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param retentionMs retention in milliseconds, -1 for unlimited
 * @param doc what the topic carries
 */
public record TopicSpec(String name, int partitions, short replication, String cleanupPolicy, long retentionMs, String doc) {
  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
    }
    if (replication < 1) {
      throw new IllegalArgumentException("topic " + name + ": replication must be >= 1, was " + replication);
    }
    if (!cleanupPolicy.equals("delete") && !cleanupPolicy.equals("compact") && !cleanupPolicy.equals("compact,delete")) {
      throw new IllegalArgumentException("topic " + name + ": cleanup must be delete, compact or compact,delete, was " + cleanupPolicy);
    }
  }

  /** The topic-level configs to create the topic with. */
  public Map<String, String> configs() {
    Map<String, String> configs = new TreeMap<>();
    configs.put("cleanup.policy", cleanupPolicy);
    configs.put("retention.ms", Long.toString(retentionMs));
    return configs;
  }
}
