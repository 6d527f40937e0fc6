package io.kefu.loadbench;

import io.kefu.contract.CustomerMessage;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The chat platform's side of the messages: sends the {@link MessageFeed} at a fixed rate on a schedule (message i is
 * due at start + i / rate, whatever happened before), noting each send in the {@link ReplyLedger} just before it is
 * handed to the producer.
 */
public final class PacedProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final KefuAvroSerializer<CustomerMessage> serializer;
  private final MessageFeed feed;
  private final ReplyLedger ledger;
  private final String topic;
  private final AtomicLong next = new AtomicLong();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

  /**
   * @param clientProperties the platform's client settings ({@code bootstrap.servers}, security, tuning)
   * @param linger the producer's {@code linger.ms}
   */
  public PacedProducer(Map<String, Object> clientProperties, Duration linger, String topic,
      SchemaRegistryClient registry, MessageFeed feed, ReplyLedger ledger) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "kefu-load-bench-messages");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(props);
    this.serializer = new KefuAvroSerializer<>(registry, false, true);
    this.feed = feed;
    this.ledger = ledger;
    this.topic = topic;
  }

  /**
   * Sends at {@code rate} messages per second for {@code duration} on the calling thread; each message is measured by
   * the window {@code windowAt} returns for its scheduled time in nanoseconds since the start (null: not measured), so
   * a late send still belongs to the window it was due in.
   *
   * @return messages sent
   * @throws IllegalStateException when a send failed
   */
  public long run(double rate, Duration duration, LongFunction<LatencyWindow> windowAt) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be > 0 messages/s, was " + rate);
    }
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    double interval = 1e9 / rate;
    long count = 0;
    while (true) {
      long due = start + (long) (count * interval);
      if (due >= end) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      send(windowAt.apply(due - start));
      count++;
      checkSends();
    }
    producer.flush();
    checkSends();
    return count;
  }

  private void send(LatencyWindow window) {
    long n = next.getAndIncrement();
    CustomerMessage message = feed.message(n, Instant.now());
    byte[] value = serializer.serialize(topic, message);
    byte[] key = message.getConversationId().getBytes(StandardCharsets.UTF_8);
    ledger.sent(n, System.nanoTime(), window);
    producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
      if (error != null) {
        sendFailure.compareAndSet(null, error);
      }
    });
  }

  private void checkSends() {
    Exception failure = sendFailure.get();
    if (failure != null) {
      throw new IllegalStateException("the load producer could not send to " + topic + ": " + failure, failure);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
