package io.kefu.dashboard.support;

import io.kefu.kafka.topic.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes typed records as a chat platform or a Kefu service would, waiting for each to be stored. */
public final class TestProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;

  /** A producer connected with {@code clientProperties} (bootstrap servers and security settings). */
  public TestProducer(Map<String, Object> clientProperties) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends {@code value} keyed by {@code key}. */
  public <V> RecordMetadata send(Topic<String, V> topic, String key, V value) {
    return send(topic, null, key, value);
  }

  /** Sends {@code value} keyed by {@code key} to {@code partition} (null lets the partitioner choose). */
  public <V> RecordMetadata send(Topic<String, V> topic, Integer partition, String key, V value) {
    return send(topic, partition, null, key, value);
  }

  /** Sends {@code value} with the record timestamp {@code timestamp} (null for now), e.g. to write past traffic. */
  public <V> RecordMetadata send(Topic<String, V> topic, Integer partition, Long timestamp, String key, V value) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    return sendRaw(new ProducerRecord<>(topic.name(), partition, timestamp, k, v));
  }

  /** Sends raw bytes, e.g. a dead letter with its headers. */
  public RecordMetadata sendRaw(ProducerRecord<byte[], byte[]> record) {
    try {
      return producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send to " + record.topic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
