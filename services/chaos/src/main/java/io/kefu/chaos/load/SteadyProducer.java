package io.kefu.chaos.load;

import io.kefu.contract.CustomerMessage;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link MessagePlan} to customer-messages at a steady rate on its own thread, as a chat platform would:
 * keyed by conversationId through one idempotent producer with {@code acks=all}, so each conversation's messages
 * land in their partition in their own order even when sends are retried across a broker restart.
 *
 * <p>Only acknowledged messages count as sent; a send that fails for good is counted and logged.
 */
public final class SteadyProducer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SteadyProducer.class);

  private final MessagePlan plan;
  private final String topic;
  private final double messagesPerSecond;
  private final KafkaProducer<String, CustomerMessage> producer;
  private final SchemaRegistryClient registry;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final CountDownLatch sent = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private Thread thread;

  /**
   * @param clientProperties connection settings of the broker
   * @param registryUrl the schema registry
   * @param topic customer-messages of the run
   * @param messagesPerSecond send rate; 0 sends as fast as the producer takes them
   */
  public SteadyProducer(Map<String, Object> clientProperties, String registryUrl, String topic, MessagePlan plan,
      double messagesPerSecond) {
    if (messagesPerSecond < 0) {
      throw new IllegalArgumentException("messagesPerSecond must be >= 0, was " + messagesPerSecond);
    }
    this.plan = plan;
    this.topic = topic;
    this.messagesPerSecond = messagesPerSecond;
    this.registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Long enough to ride out a broker restart: a message is sent late rather than lost.
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "kefu-chaos-load");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new KefuAvroSerializer<>(registry, false));
  }

  /** Starts sending on a background thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the producer has already been started");
    }
    thread = new Thread(this::sendAll, "kefu-chaos-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** Sends every message of the plan on this thread and waits until each is acknowledged or has failed. */
  public void sendAllNow() {
    sendAll();
  }

  private void sendAll() {
    long start = System.nanoTime();
    long sentCount = 0;
    try {
      for (PlannedMessage message : plan.inSendingOrder()) {
        if (stopRequested) {
          break;
        }
        if (messagesPerSecond > 0) {
          long due = start + (long) (sentCount / messagesPerSecond * 1e9);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait); // pacing the load, not waiting for a condition
          }
        }
        producer.send(new ProducerRecord<>(topic, message.conversationId(), message.toRecord(Instant.now())),
            (metadata, e) -> {
              if (e == null) {
                acknowledged.add(message.messageId());
              } else {
                failed.incrementAndGet();
                if (firstFailure.compareAndSet(null, e)) {
                  log.error("message {} of {} was not sent", message.messageId(), message.conversationId(), e);
                }
              }
            });
        sentCount++;
      }
      producer.flush();
    } catch (RuntimeException e) {
      log.error("the load producer stopped after {} messages", sentCount, e);
      firstFailure.compareAndSet(null, e);
    } finally {
      sent.countDown();
    }
  }

  /** Waits until every message has been sent and acknowledged (or has failed). */
  public boolean awaitSent(Duration timeout) throws InterruptedException {
    return sent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once every message has been handed over and acknowledged or failed. */
  public boolean isDone() {
    return sent.getCount() == 0;
  }

  /** How many messages the broker has acknowledged so far. */
  public long acknowledgedCount() {
    return acknowledged.size();
  }

  /** The acknowledged messages, in sending order. */
  public List<PlannedMessage> acknowledgedMessages() {
    return plan.inSendingOrder().stream().filter(m -> acknowledged.contains(m.messageId())).toList();
  }

  /** How many sends failed for good. */
  public long failedCount() {
    return failed.get();
  }

  @Override
  public void close() {
    stopRequested = true;
    try {
      if (thread != null) {
        thread.join(Duration.ofSeconds(30).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      producer.close(Duration.ofSeconds(10));
      registry.close();
    }
  }
}
