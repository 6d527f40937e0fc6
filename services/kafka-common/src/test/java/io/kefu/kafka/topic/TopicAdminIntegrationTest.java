package io.kefu.kafka.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TopicAdmin against the embedded broker: creation, idempotence and leaders that take requests on return. */
class TopicAdminIntegrationTest {
  @TempDir static Path dataDir;
  static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDir).build();
    broker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldReturnOnlyOnceEveryNewPartitionsLeaderAnswersAndReportExistingTopicsTheSecondTime() throws Exception {
    // Given three declared topics of six partitions each
    List<TopicSpec> specs = List.of(spec("ready.a"), spec("ready.b"), spec("ready.c"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      // When they are ensured
      TopicAdmin.Outcome first = new TopicAdmin(admin).ensureTopics(specs);

      // Then all three were created and each of the 18 partitions' leaders takes a write at once: a producer that
      // never retries gets every first record acknowledged at offset 0
      assertThat(first.created()).containsExactlyInAnyOrder("ready.a", "ready.b", "ready.c");
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.RETRIES_CONFIG, 0,
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false), new StringSerializer(), new StringSerializer())) {
        for (TopicSpec spec : specs) {
          for (int p = 0; p < spec.partitions(); p++) {
            sends.add(producer.send(new ProducerRecord<>(spec.name(), p, "k", "first")));
          }
        }
        producer.flush();
      }
      List<Long> offsets = new ArrayList<>();
      for (Future<RecordMetadata> send : sends) {
        offsets.add(send.get(5, TimeUnit.SECONDS).offset());
      }
      assertThat(offsets).hasSize(18).containsOnly(0L);

      // And ensuring them again creates nothing and reports all three as existing, without warnings
      TopicAdmin.Outcome second = new TopicAdmin(admin).ensureTopics(specs);
      assertThat(second.created()).isEmpty();
      assertThat(second.existing()).containsExactlyInAnyOrder("ready.a", "ready.b", "ready.c");
      assertThat(second.warnings()).isEmpty();
    }
  }

  private static TopicSpec spec(String name) {
    return new TopicSpec(name, 6, (short) 1, "delete", -1, "readiness test topic");
  }
}
