package io.kefu.loadbench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads a consumer group's lag on a topic: end offsets minus the group's committed offsets, summed over partitions. */
public final class LagProbe implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final String group;
  private final String topic;

  /** A probe of {@code group} on {@code topic}. */
  public LagProbe(Map<String, Object> clientProperties, String group, String topic) {
    this.admin = Admin.create(clientProperties);
    this.group = group;
    this.topic = topic;
  }

  /** The group's lag now, in records. */
  public long lag() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .get(topic).partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
          : admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
        OffsetAndMetadata offset = committed.get(e.getKey());
        lag += e.getValue().offset() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the lag of group " + group + " on " + topic + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not report the lag of group " + group + " on " + topic + " within "
          + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the lag of group " + group, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
