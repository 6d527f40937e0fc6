package io.kefu.loadbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One low rate, briefly, through the real reply service with a small model trained first: on the benchmark's own
 * embedded broker, and on a cluster it is pointed at.
 */
class LoadBenchmarkIntegrationTest {

  @TempDir Path work;

  @Test
  @Timeout(180)
  void shouldAnswerEveryMessageExactlyOnceAndReportOrderedPercentilesAtALowRate() throws Exception {
    // Given a small model trained for a few seconds and a load of 20 messages/s over 40 conversations
    LoadOptions options = twentyPerSecond(work).build();

    // When the benchmark runs
    LoadResult result = new LoadBenchmark(options, new PrintStream(System.err, true, StandardCharsets.UTF_8)).run();

    // Then every message sent was answered exactly once
    assertThat(result.sent()).isEqualTo(6 * 20);
    assertThat(result.answered()).isEqualTo(result.sent());
    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(result.unknown()).isZero();

    // And the measured window counts exactly the messages sent in it, each answered once
    assertThat(result.rates()).hasSize(1);
    RateResult rate = result.rates().get(0);
    assertThat(rate.targetRate()).isEqualTo(20);
    assertThat(rate.latency().sent()).isEqualTo(4 * 20);
    assertThat(rate.latency().answered()).isEqualTo(rate.latency().sent());
    assertThat(rate.unanswered()).isZero();
    assertThat(rate.abortedTransactions()).isZero();

    // And the percentiles are ordered, the model time and the overhead each within the end-to-end latency
    LatencyFigures l = rate.latency();
    assertThat(l.endToEnd().p50()).isPositive().isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.model().p50()).isPositive().isLessThanOrEqualTo(l.model().p99());
    assertThat(l.overhead().p50()).isPositive().isLessThanOrEqualTo(l.overhead().p99());
    assertThat(l.overhead().p99()).isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.model().p99()).isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.untimed()).isZero();

    // And the report prints the row and the exactly-once line
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadReport.printTable(result, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("exactly once: 120 sent, 120 answered, 0 lost, 0 duplicated, 0 unknown")
        .containsPattern("(?m)^20 +20 ");
    assertThat(LoadReport.toJson(result)).contains("\"targetRate\" : 20");
  }

  @Test
  @Timeout(180)
  void shouldRunAgainstAnExistingClusterAndRegistryWhenGivenThem() throws Exception {
    // Given a cluster and a registry that the benchmark does not own, as `kefu platform` runs in another process
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(work.resolve("cluster")).build()) {
      broker.start();
      EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
          .setBootstrapServers(broker.bootstrapServers()).optPort(0).optTopicReplication((short) 1).build());
      registry.start();
      try {
        LoadOptions options = twentyPerSecond(work.resolve("runs"))
            .optReplySetting(LoadOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers())
            .optReplySetting(LoadOptions.SCHEMA_REGISTRY_URL, registry.url())
            .build();

        // When the benchmark runs
        LoadResult result = new LoadBenchmark(options, new PrintStream(System.err, true, StandardCharsets.UTF_8)).run();

        // Then every message was answered once, and every one went through that cluster
        assertThat(result.sent()).isEqualTo(6 * 20);
        assertThat(result.answered()).isEqualTo(result.sent());
        assertThat(result.duplicates()).isZero();
        assertThat(result.unknown()).isZero();
        assertThat(recordsIn(broker, TopicCatalogue.load("").name(TopicNames.CUSTOMER_MESSAGES))).isEqualTo(120);
        assertThat(result.setup().get("cluster")).isEqualTo("existing: " + broker.bootstrapServers() + ", registry "
            + registry.url());
      } finally {
        registry.close();
      }
    }
  }

  @Test
  void shouldRefuseAnExistingClusterWithoutItsRegistry() {
    assertThatThrownBy(() -> LoadOptions.builder().optReplySetting(LoadOptions.BOOTSTRAP_SERVERS, "localhost:9092")
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an existing cluster needs both bootstrap.servers and schema.registry.url, was given only "
            + "bootstrap.servers");
  }

  /** 20 messages/s over 40 conversations, 2 s warm-up and 4 s measured, after 8 s of training a small model. */
  private static LoadOptions.Builder twentyPerSecond(Path workDirectory) {
    return LoadOptions.builder()
        .optRates(List.of(20))
        .optWarmup(Duration.ofSeconds(2))
        .optSeconds(Duration.ofSeconds(4))
        .optSmallTrainingBudget(Duration.ofSeconds(8))
        .optConversations(40)
        .optMaxNewTokens(24)
        .optDrainTimeout(Duration.ofSeconds(60))
        .optWorkDirectory(workDirectory);
  }

  private static long recordsIn(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicPartitionInfo p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
  }
}
