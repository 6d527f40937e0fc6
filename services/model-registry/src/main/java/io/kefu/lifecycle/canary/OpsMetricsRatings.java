package io.kefu.lifecycle.canary;

import io.kefu.contract.OpsMetrics;
import io.kefu.kafka.topic.Topic;
import io.kefu.lifecycle.TopicFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Ratings per model version from the feedback stream's windowed aggregates on ops-metrics: keeps the latest record of
 * every (version, window) and adds up the windows that end after a given instant.
 *
 * <p>Satisfied ratings are recovered as {@code round(csat * ratings)}; a window's aggregate counts every rating event
 * in it, so a re-rating counts again.
 */
public final class OpsMetricsRatings implements RatingSource, AutoCloseable {
  private final Map<String, TreeMap<Long, ArmWindow>> windows = new HashMap<>();
  private final TopicFollower<OpsMetrics> follower;

  private record ArmWindow(long windowEnd, ArmStats stats) {}

  /** Follows {@code topic} (ops-metrics) with {@code kafkaProperties}. */
  public OpsMetricsRatings(Map<String, Object> kafkaProperties, Topic<String, OpsMetrics> topic) {
    this.follower = new TopicFollower<>(kafkaProperties, topic, this::apply);
  }

  /** Starts following ops-metrics from its beginning. */
  public void start() {
    follower.start();
  }

  /** Waits until the records present at start are read; false when {@code timeout} passed first. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  private void apply(ConsumerRecord<String, OpsMetrics> record) {
    OpsMetrics metrics = record.value();
    if (metrics != null) {
      add(metrics);
    }
  }

  /** Counts one aggregate record, replacing an earlier record of the same version and window. */
  public synchronized void add(OpsMetrics metrics) {
    long ratings = metrics.getRatings();
    long satisfied = metrics.getCsat() == null ? 0 : Math.round(metrics.getCsat() * ratings);
    ArmStats stats = new ArmStats(ratings, metrics.getRatingSum(), satisfied);
    windows.computeIfAbsent(metrics.getModelVersion(), v -> new TreeMap<>())
        .put(metrics.getWindowStart().toEpochMilli(), new ArmWindow(metrics.getWindowEnd().toEpochMilli(), stats));
  }

  @Override
  public synchronized ArmStats ratingsSince(String modelVersion, Instant since) {
    ArmStats total = ArmStats.empty();
    for (ArmWindow window : windows.getOrDefault(modelVersion, new TreeMap<>()).values()) {
      if (window.windowEnd() > since.toEpochMilli()) {
        total = total.plus(window.stats());
      }
    }
    return total;
  }

  @Override
  public void close() {
    follower.stop();
  }
}
