package io.kefu.lifecycle;

import io.kefu.kafka.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic from the beginning and then follows it on a background thread (read_committed, every partition
 * assigned, no consumer group), handing each record to a handler in log order per partition.
 *
 * <p>An unreadable record is logged with its partition and offset and skipped; any other failure stops the follower
 * and is reported by {@link #checkHealthy()}.
 *
 * @param <V> the topic's value type
 */
public final class TopicFollower<V> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Map<String, Object> kafkaProperties;
  private final Topic<String, V> topic;
  private final Consumer<ConsumerRecord<String, V>> handler;
  private final CountDownLatch caughtUp = new CountDownLatch(1);

  private KafkaConsumer<String, V> consumer;
  private Thread thread;
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  /**
   * A follower of {@code topic}.
   *
   * @param kafkaProperties Kafka client settings, {@code bootstrap.servers} included
   * @param topic the topic and its serdes
   * @param handler called on the follower's thread for every record
   */
  public TopicFollower(Map<String, Object> kafkaProperties, Topic<String, V> topic,
      Consumer<ConsumerRecord<String, V>> handler) {
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.topic = topic;
    this.handler = handler;
  }

  /** Starts reading on a background thread named after the topic. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("follower of " + topic.name() + " is already started");
    }
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    thread = new Thread(this::run, "kefu-follow-" + topic.name());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The topic's partitions; a topic created a moment ago may not be in every broker's metadata yet, so an empty answer
   * is asked again for a while before it counts as a missing topic.
   */
  private List<TopicPartition> partitionsOf(String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(60)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (stopping || System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + name + " does not exist; create the Kefu topics first");
      }
      Thread.sleep(200); // metadata propagation: no event to wait on from a plain consumer
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitionsOf(topic.name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      boolean reached = false;
      while (!stopping) {
        try {
          for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
            handler.accept(record);
          }
        } catch (RecordDeserializationException e) {
          log.error("skipping an unreadable record at {}@{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (!reached && reachedEnd(end)) {
          reached = true;
          caughtUp.countDown();
          log.debug("caught up with {}", topic.name());
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        failure = new IllegalStateException("follower of " + topic.name() + " was woken up unexpectedly", e);
        log.error("follower of {} stopped", topic.name(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new IllegalStateException("follower of " + topic.name() + " was interrupted while starting", e);
    } catch (RuntimeException e) {
      failure = e;
      log.error("follower of {} failed and stopped", topic.name(), e);
    } finally {
      consumer.close();
    }
  }

  private boolean reachedEnd(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until every record that was on the topic at start has been handled.
   *
   * @return true when caught up, false when {@code timeout} passed first
   * @throws IllegalStateException when the follower failed
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!caughtUp.await(Math.min(100, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)),
        TimeUnit.MILLISECONDS)) {
      checkHealthy();
      if (System.nanoTime() >= deadline) {
        return false;
      }
    }
    checkHealthy();
    return true;
  }

  /** Throws the failure that stopped the follower, if any. */
  public void checkHealthy() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw new IllegalStateException("follower of " + topic.name() + " has failed: " + failed.getMessage(), failed);
    }
  }

  /** True once caught up and still running. */
  public boolean isReady() {
    return caughtUp.getCount() == 0 && failure == null && !stopping;
  }

  /** Stops following; waits for the thread to close its consumer. */
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping the follower of {}", topic.name());
    }
    thread = null;
  }

  @Override
  public void close() {
    stop();
  }
}
