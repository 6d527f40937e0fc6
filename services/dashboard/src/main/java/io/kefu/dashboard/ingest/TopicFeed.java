package io.kefu.dashboard.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's reading loop: one consumer assigned every partition of the followed topics (no group rebalances,
 * no commits), the replayed topics read from their beginning and the others from the start of the history window;
 * topics that do not exist yet are looked for again every few seconds.
 *
 * <p>It is ready once every followed topic is assigned and the replayed topics are read up to where they ended
 * when they were assigned, so the model registry is complete.
 */
public final class TopicFeed {
  private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final long TOPIC_RECHECK_MILLIS = 5_000;
  private static final long ERROR_BACKOFF_MILLIS = 1_000;
  private static final long STALL_MILLIS = 30_000;

  private final Consumer<byte[], byte[]> consumer;
  private final RecordRouter router;
  private final Duration history;
  private final Clock clock;
  private final Set<String> replayed;
  private final Set<String> missing = new HashSet<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile long lastPollMillis;
  private Thread thread;
  private long nextTopicCheck;

  /**
   * A feed reading with {@code consumer} (which it closes when stopped).
   *
   * @param consumer a byte[] consumer, read_committed, without auto-commit
   * @param router where records go; it names the topics
   * @param history how far back the recent topics are read at start
   * @param clock for the history window and the liveness check
   */
  public TopicFeed(Consumer<byte[], byte[]> consumer, RecordRouter router, Duration history, Clock clock) {
    this.consumer = consumer;
    this.router = router;
    this.history = history;
    this.clock = clock;
    this.replayed = router.replayedTopics();
    missing.addAll(router.replayedTopics());
    missing.addAll(router.recentTopics());
  }

  /** Starts the reading thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the dashboard feed is already started");
    }
    running = true;
    lastPollMillis = clock.millis();
    thread = new Thread(this::run, "kefu-dashboard-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the thread, closes the consumer and waits up to {@code timeout} for both. */
  public synchronized void stop(Duration timeout) {
    if (thread == null) {
      return;
    }
    running = false;
    stopRequested.countDown();
    consumer.wakeup();
    try {
      if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("the dashboard feed did not stop within {} ms", timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The thread runs and has polled recently. */
  public boolean isLive() {
    return running && stopped.getCount() == 1 && clock.millis() - lastPollMillis < STALL_MILLIS;
  }

  /** Every followed topic is assigned and the replayed ones are read up to their end at assignment. */
  public boolean isReady() {
    return isLive() && caughtUp;
  }

  /** Followed topics that do not exist yet. */
  public synchronized Set<String> missingTopics() {
    return Set.copyOf(missing);
  }

  private void run() {
    try {
      while (running) {
        try {
          pollOnce();
        } catch (WakeupException e) {
          if (running) {
            throw e;
          }
        } catch (KafkaException e) {
          log.error("the dashboard feed failed to read; retrying in {} ms", ERROR_BACKOFF_MILLIS, e);
          pause(ERROR_BACKOFF_MILLIS);
        }
      }
    } finally {
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        log.warn("closing the dashboard feed's consumer failed", e);
      }
      stopped.countDown();
    }
  }

  private void pollOnce() {
    if (!missingTopicsSnapshot().isEmpty() && clock.millis() >= nextTopicCheck) {
      assignNewTopics();
      nextTopicCheck = clock.millis() + TOPIC_RECHECK_MILLIS;
    }
    if (assigned.isEmpty()) {
      pause(POLL.toMillis()); // a consumer with nothing assigned may not poll
      lastPollMillis = clock.millis();
      return;
    }
    var records = consumer.poll(POLL);
    lastPollMillis = clock.millis();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      router.route(record);
    }
    if (!caughtUp) {
      caughtUp = missingTopicsSnapshot().isEmpty() && replayedCaughtUp();
      if (caughtUp) {
        log.info("dashboard feed caught up: {} partitions assigned", assigned.size());
      }
    }
  }

  private synchronized Set<String> missingTopicsSnapshot() {
    return Set.copyOf(missing);
  }

  private void assignNewTopics() {
    Set<TopicPartition> fresh = new HashSet<>();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(METADATA_TIMEOUT);
    for (String topic : missingTopicsSnapshot()) {
      List<PartitionInfo> partitions = existing.get(topic);
      if (partitions == null || partitions.isEmpty()) {
        continue;
      }
      partitions.forEach(p -> fresh.add(new TopicPartition(p.topic(), p.partition())));
      synchronized (this) {
        missing.remove(topic);
      }
    }
    if (fresh.isEmpty()) {
      log.info("waiting for topics {} to exist", missingTopicsSnapshot());
      return;
    }
    assigned.addAll(fresh);
    consumer.assign(assigned);
    seek(fresh);
    if (!missingTopicsSnapshot().isEmpty()) {
      log.info("dashboard feed follows {} partitions; waiting for topics {}", assigned.size(), missingTopicsSnapshot());
    }
  }

  private void seek(Set<TopicPartition> fresh) {
    Set<TopicPartition> fromBeginning = new HashSet<>();
    Map<TopicPartition, Long> fromTime = new HashMap<>();
    long since = clock.millis() - history.toMillis();
    for (TopicPartition tp : fresh) {
      if (replayed.contains(tp.topic())) {
        fromBeginning.add(tp);
      } else {
        fromTime.put(tp, since);
      }
    }
    if (!fromBeginning.isEmpty()) {
      consumer.seekToBeginning(fromBeginning);
      catchUpTo.putAll(consumer.endOffsets(fromBeginning, METADATA_TIMEOUT));
    }
    if (!fromTime.isEmpty()) {
      Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(fromTime, METADATA_TIMEOUT);
      Set<TopicPartition> toEnd = new HashSet<>();
      for (TopicPartition tp : fromTime.keySet()) {
        OffsetAndTimestamp found = offsets.get(tp);
        if (found == null) {
          toEnd.add(tp); // nothing newer than the window start: only new records matter
        } else {
          consumer.seek(tp, found.offset());
        }
      }
      if (!toEnd.isEmpty()) {
        consumer.seekToEnd(toEnd);
      }
    }
  }

  private boolean replayedCaughtUp() {
    for (Map.Entry<TopicPartition, Long> e : catchUpTo.entrySet()) {
      if (consumer.position(e.getKey(), METADATA_TIMEOUT) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Waits {@code millis}, or less when asked to stop. */
  private void pause(long millis) {
    try {
      stopRequested.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
