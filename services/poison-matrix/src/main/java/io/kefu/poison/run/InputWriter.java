package io.kefu.poison.run;

import io.kefu.poison.cases.PoisonRecord;
import io.kefu.poison.verify.SentRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the run's inputs one at a time, as a chat platform would, and returns where each landed; records get
 * strictly increasing timestamps unless a case sets its own, so stream time advances with every good input.
 */
public final class InputWriter implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private long lastTimestamp;

  public InputWriter(Map<String, Object> clientProperties) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The next timestamp of the run's clock: now, or 1 ms after the last one if that is later. */
  public synchronized long nextTimestamp() {
    lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
    return lastTimestamp;
  }

  /** Sends {@code record} to {@code topic} and waits for the broker to acknowledge it. */
  public SentRecord send(String topic, PoisonRecord record) {
    long timestamp = record.timestampMillis() != null ? record.timestampMillis() : nextTimestamp();
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, null, timestamp, record.key(), record.value(),
        record.headers());
    try {
      RecordMetadata meta = producer.send(out).get();
      return new SentRecord(topic, meta.partition(), meta.offset(), record.key(), record.value());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write a record of " + (record.value() == null ? 0 : record.value().length)
          + " bytes to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
