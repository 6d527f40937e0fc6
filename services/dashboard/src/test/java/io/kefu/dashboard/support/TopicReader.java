package io.kefu.dashboard.support;

import io.kefu.kafka.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic from its beginning as a read_committed consumer, collecting decoded values. */
public final class TopicReader<V> implements AutoCloseable {
  private final Topic<String, V> topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<V> values = new ArrayList<>();

  public TopicReader(Map<String, Object> clientProperties, Topic<String, V> topic) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once and returns everything read so far. */
  public List<V> poll() {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      values.add(topic.valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value()));
    }
    return List.copyOf(values);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
