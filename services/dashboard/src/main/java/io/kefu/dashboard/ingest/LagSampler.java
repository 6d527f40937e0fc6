package io.kefu.dashboard.ingest;

import io.kefu.dashboard.view.LagCalculator;
import io.kefu.dashboard.view.LagView;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every consumer group's committed offsets and the end offsets of their partitions (the last stable offset,
 * as read_committed consumers see it) and stores the lag in {@link LagView}.
 */
public final class LagSampler {
  private static final Logger log = LoggerFactory.getLogger(LagSampler.class);
  private static final long TIMEOUT_SECONDS = 10;

  private final Admin admin;
  private final LagView view;
  private final Clock clock;

  public LagSampler(Admin admin, LagView view, Clock clock) {
    this.admin = admin;
    this.view = view;
    this.clock = clock;
  }

  /** Takes one sample; a failure is stored in the view (and logged), never thrown. */
  public void sampleOnce() {
    try {
      view.onSample(sample(), clock.millis());
    } catch (ExecutionException e) {
      fail(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      fail(new TimeoutException("Kafka did not answer within " + TIMEOUT_SECONDS + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private List<LagCalculator.LagRow> sample() throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, Map<TopicPartition, Long>> committed = committedOffsets();
    Set<TopicPartition> partitions = new HashSet<>();
    committed.values().forEach(m -> partitions.addAll(m.keySet()));
    return LagCalculator.compute(committed, endOffsets(partitions));
  }

  private Map<String, Map<TopicPartition, Long>> committedOffsets()
      throws ExecutionException, InterruptedException, TimeoutException {
    var groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    for (GroupListing group : groups) {
      specs.put(group.groupId(), new ListConsumerGroupOffsetsSpec());
    }
    if (specs.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> raw =
        admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    raw.forEach((group, offsets) -> offsets.forEach((tp, om) -> {
      if (om != null) {
        committed.computeIfAbsent(group, g -> new HashMap<>()).put(tp, om.offset());
      }
    }));
    return committed;
  }

  /** End offsets of {@code partitions}; a partition that cannot be read (e.g. deleted) is left out. */
  private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
      throws InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    ListOffsetsResult result = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (TopicPartition tp : partitions) {
      KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo> future = result.partitionResult(tp);
      try {
        ends.put(tp, future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).offset());
      } catch (ExecutionException e) {
        log.debug("no end offset for {}: {}", tp, e.getCause() == null ? e : e.getCause().toString());
      }
    }
    return ends;
  }

  private void fail(Throwable e) {
    log.warn("cannot sample consumer lag: {}", e.toString());
    view.onFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.millis());
  }
}
