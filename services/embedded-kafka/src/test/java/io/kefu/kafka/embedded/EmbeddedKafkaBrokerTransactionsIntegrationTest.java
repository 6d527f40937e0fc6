package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTransactionsIntegrationTest {
  private static final String TOPIC = "replies";
  private static final String TRANSACTIONAL_ID = "reply-service-0";

  @TempDir
  Path dataDirectory;

  @Test
  void shouldShowCommittedAndHideAbortedTransactionsToReadCommittedConsumersAfterARestart() throws Exception {
    // Given a committed, an aborted and another committed transaction of five records each on 2 partitions
    TransactionDescription before;
    try (EmbeddedKafkaBroker broker = newBroker()) {
      broker.start();
      TestClients.createTopic(broker, TOPIC, 2);
      try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
        producer.initTransactions();
        sendInTransaction(producer, "committed-a", true);
        sendInTransaction(producer, "aborted", false);
        sendInTransaction(producer, "committed-b", true);
      }
      before = await().atMost(TestClients.TIMEOUT).until(
          () -> describeTransaction(broker), d -> d.state() == TransactionState.COMPLETE_COMMIT);
    }

    // When the broker restarts on the same directory
    try (EmbeddedKafkaBroker restarted = newBroker()) {
      restarted.start();

      // Then read_committed sees the ten committed records and none of the aborted ones
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(restarted, "committed", "read_committed")) {
        consumer.assign(partitions());
        List<ConsumerRecord<String, String>> records = TestClients.pollAtLeast(consumer, 10);
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(
            values("committed-a", "committed-b"));
        assertThat(consumer.position(partitions().get(0)) + consumer.position(partitions().get(1)))
            .as("read_committed positions past every transaction and its markers")
            .isEqualTo(endOffsets(restarted));
      }
      // And the aborted records were written, so read_uncommitted sees all fifteen
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(restarted, "all", "read_uncommitted")) {
        consumer.assign(partitions());
        assertThat(TestClients.pollAtLeast(consumer, 15)).extracting(ConsumerRecord::value)
            .containsExactlyInAnyOrderElementsOf(values("committed-a", "aborted", "committed-b"));
      }
      // And the coordinator still knows the transactional id's producer id, epoch and last outcome
      TransactionDescription after = describeTransaction(restarted);
      assertThat(after.state()).isEqualTo(TransactionState.COMPLETE_COMMIT);
      assertThat(List.of(after.producerId(), after.producerEpoch()))
          .isEqualTo(List.of(before.producerId(), before.producerEpoch()));
      // And the same transactional id starts a new epoch and commits again
      try (KafkaProducer<String, String> producer = transactionalProducer(restarted)) {
        producer.initTransactions();
        sendInTransaction(producer, "committed-c", true);
      }
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(restarted, "again", "read_committed")) {
        consumer.assign(partitions());
        assertThat(TestClients.pollAtLeast(consumer, 15)).extracting(ConsumerRecord::value)
            .containsExactlyInAnyOrderElementsOf(values("committed-a", "committed-b", "committed-c"));
      }
    }
  }

  private EmbeddedKafkaBroker newBroker() {
    return EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();
  }

  private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker) {
    return TestClients.producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID));
  }

  private static void sendInTransaction(KafkaProducer<String, String> producer, String prefix, boolean commit) {
    producer.beginTransaction();
    for (int i = 0; i < 5; i++) {
      producer.send(new ProducerRecord<>(TOPIC, i % 2, "key-" + i, prefix + "-" + i));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.flush();
      producer.abortTransaction();
    }
  }

  private static List<String> values(String... prefixes) {
    return List.of(prefixes).stream()
        .flatMap(prefix -> IntStream.range(0, 5).mapToObj(i -> prefix + "-" + i))
        .toList();
  }

  private static List<TopicPartition> partitions() {
    return List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
  }

  private static TransactionDescription describeTransaction(EmbeddedKafkaBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      return admin.describeTransactions(List.of(TRANSACTIONAL_ID)).description(TRANSACTIONAL_ID)
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static long endOffsets(EmbeddedKafkaBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      Map<TopicPartition, OffsetSpec> latest = partitions().stream()
          .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    }
  }
}
