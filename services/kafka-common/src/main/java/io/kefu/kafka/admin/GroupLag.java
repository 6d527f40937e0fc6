package io.kefu.kafka.admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A consumer group's lag on a topic: the end offsets (Admin listOffsets) minus the group's committed offsets. */
public final class GroupLag {
  private static final Logger log = LoggerFactory.getLogger(GroupLag.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final Admin admin;

  public GroupLag(Admin admin) {
    this.admin = admin;
  }

  /**
   * Records of {@code topic} not yet covered by {@code group}'s committed offsets.
   *
   * @throws IllegalStateException when the broker does not answer
   */
  public long of(String group, String topic) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .get(topic).partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
          : admin.listOffsets(request).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
        OffsetAndMetadata offset = committed.get(e.getKey());
        lag += e.getValue().offset() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the lag of group " + group + " on " + topic + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not report the lag of group " + group + " on " + topic + " within "
          + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the lag of group " + group, e);
    }
  }

  /**
   * Records not yet covered by {@code group}'s committed offsets, over every partition it has committed (source and
   * internal topics of a Kafka Streams application alike).
   *
   * @throws IllegalStateException when the broker does not answer
   */
  public long total(String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
          : admin.listOffsets(request).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
        OffsetAndMetadata offset = committed.get(e.getKey());
        lag += Math.max(0, e.getValue().offset() - (offset == null ? 0 : offset.offset()));
      }
      return lag;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the lag of group " + group + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not report the lag of group " + group + " within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the lag of group " + group, e);
    }
  }

  /**
   * Waits until the lag of {@code group} on {@code topic} is 0, reading it every {@code every}; a broker that does
   * not answer for a while (restarting) does not end the wait.
   *
   * @return true when the lag reached 0 within {@code timeout}
   */
  public boolean awaitZero(String group, String topic, Duration timeout, Duration every) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        long lag = of(group, topic);
        if (lag == 0) {
          return true;
        }
        if (System.nanoTime() > nextReport) {
          log.info("group {} lags {} messages on {}", group, lag, topic);
          nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        }
      } catch (IllegalStateException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted while waiting for the lag of " + group);
        }
        log.info("lag of {} on {} not readable yet ({}); asking again", group, topic, e.getMessage());
      }
      TimeUnit.NANOSECONDS.sleep(every.toNanos()); // the lag is only observable by asking again
    }
    return false;
  }
}
