package io.kefu.loadbench;

import io.kefu.contract.AgentReply;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat platform's side of the replies: a read_committed consumer on agent-replies, started at the end of every
 * partition, that hands each reply to the {@link ReplyLedger} with the time its poll returned.
 */
public final class ReplyWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyWatcher.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KefuAvroDeserializer<AgentReply> deserializer;
  private final ReplyLedger ledger;
  private final String topic;
  private final Thread thread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile Throwable failure;

  /**
   * A watcher of {@code topic}; positions are fixed at the end of every partition now, so only later replies count.
   *
   * @param clientProperties the platform's client settings ({@code bootstrap.servers}, security, tuning)
   * @param fetchMaxWait the consumer's {@code fetch.max.wait.ms}
   */
  public ReplyWatcher(Map<String, Object> clientProperties, Duration fetchMaxWait, String topic,
      SchemaRegistryClient registry, ReplyLedger ledger) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait.toMillis());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kefu-load-bench-replies");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumer = new KafkaConsumer<>(props);
    this.deserializer = KefuAvroDeserializer.of(AgentReply.class, registry);
    this.ledger = ledger;
    this.topic = topic;
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the positions before any message is sent
    this.thread = new Thread(this::run, "kefu-load-bench-replies");
  }

  /** Starts polling. */
  public void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!stopping) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        long visible = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          ledger.replied(deserializer.deserialize(record.topic(), record.value()), visible);
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        failure = e;
        log.error("reply watcher on {} woken up without a stop request", topic, e);
      }
    } catch (RuntimeException e) {
      failure = e;
      log.error("reply watcher on {} failed", topic, e);
    } finally {
      consumer.close();
      finished.countDown();
    }
  }

  /** The failure that stopped the watcher, or null while it runs (or stopped when asked). */
  public Throwable failure() {
    return failure;
  }

  /** Stops polling and closes the consumer. */
  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      if (!finished.await(30, TimeUnit.SECONDS)) {
        log.warn("reply watcher on {} did not stop within 30 s", topic);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the reply watcher on " + topic, e);
    }
  }
}
