package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerRestartIntegrationTest {
  private static final int RECORDS = 10_000;

  @TempDir
  Path dataDirectory;

  @Test
  void shouldKeepEveryCommittedRecordWhenRestartedOnTheSameDirectory() throws Exception {
    // Given 10,000 records acknowledged by all replicas on a topic with 3 partitions
    String topic = "restart-records";
    try (EmbeddedKafkaBroker broker = newBroker()) {
      broker.start();
      TestClients.createTopic(broker, topic, 3);
      try (KafkaProducer<String, String> producer = TestClients.producer(broker, Map.of())) {
        for (int i = 0; i < RECORDS; i++) {
          producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
        }
        producer.flush();
      }
    }

    // When a new broker starts on the same directory
    try (EmbeddedKafkaBroker restarted = newBroker()) {
      restarted.start();

      // Then a consumer reads exactly those 10,000 records, each key with its value
      List<ConsumerRecord<String, String>> records;
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(restarted, "reader", "read_committed")) {
        consumer.subscribe(List.of(topic));
        records = TestClients.pollAtLeast(consumer, RECORDS);
      }
      Map<String, String> expected = IntStream.range(0, RECORDS).boxed()
          .collect(Collectors.toMap(i -> "key-" + i, i -> "value-" + i));
      Map<String, String> consumed = new HashMap<>();
      records.forEach(r -> consumed.put(r.key(), r.value()));
      assertThat(records).hasSize(RECORDS);
      assertThat(consumed).isEqualTo(expected);
      assertThat(endOffsets(restarted, topic, 3)).isEqualTo(RECORDS);
    }
  }

  @Test
  void shouldKeepTopicsAndCommittedConsumerOffsetsWhenRestarted() throws Exception {
    // Given a topic with 30 records of which a consumer group committed the first 20
    String topic = "restart-offsets";
    TopicPartition partition = new TopicPartition(topic, 0);
    try (EmbeddedKafkaBroker broker = newBroker()) {
      broker.start();
      TestClients.createTopic(broker, topic, 1);
      try (KafkaProducer<String, String> producer = TestClients.producer(broker, Map.of())) {
        for (int i = 0; i < 30; i++) {
          producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
        }
        producer.flush();
      }
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(broker, "billing", "read_committed")) {
        consumer.subscribe(List.of(topic));
        TestClients.pollAtLeast(consumer, 30);
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(20)));
      }
    }

    // When the broker restarts on the same directory
    try (EmbeddedKafkaBroker restarted = newBroker()) {
      restarted.start();

      // Then the topic is there and the group resumes at record 20
      try (Admin admin = Admin.create(restarted.clientProperties())) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
        assertThat(admin.listConsumerGroupOffsets("billing").partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS)).isEqualTo(Map.of(partition, new OffsetAndMetadata(20)));
      }
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(restarted, "billing", "read_committed")) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> rest = TestClients.pollAtLeast(consumer, 10);
        assertThat(rest).extracting(ConsumerRecord::key)
            .containsExactlyElementsOf(IntStream.range(20, 30).mapToObj(i -> "key-" + i).toList());
      }
    }
  }

  private EmbeddedKafkaBroker newBroker() {
    return EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();
  }

  private static long endOffsets(EmbeddedKafkaBroker broker, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
          .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    }
  }
}
