package io.kefu.dashboard.action;

import io.kefu.kafka.topic.Topic;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes one typed record with the topic's own serdes through a shared byte[] producer and waits until Kafka has
 * stored it, so an operator is told "done" only when it is.
 */
final class RecordSender {
  private final Producer<byte[], byte[]> producer;
  private final Duration timeout;

  RecordSender(Producer<byte[], byte[]> producer, Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  <K, V> RecordMetadata send(Topic<K, V> topic, K key, V value) {
    byte[] keyBytes;
    byte[] valueBytes;
    try {
      keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
      valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    } catch (RuntimeException e) {
      throw new ActionRejectedException(Problem.UNAVAILABLE,
          "cannot encode the record for " + topic.name() + " (is the schema registry reachable?): " + e.getMessage(), e);
    }
    try {
      return producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ActionRejectedException(Problem.UNAVAILABLE,
          "Kafka refused the record for " + topic.name() + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new ActionRejectedException(Problem.UNAVAILABLE,
          "Kafka did not store the record for " + topic.name() + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionRejectedException(Problem.UNAVAILABLE, "interrupted while writing to " + topic.name(), e);
    }
  }
}
