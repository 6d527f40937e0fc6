package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerPortIntegrationTest {
  private static final Duration STARTUP_BUDGET = Duration.ofSeconds(30);

  @TempDir
  Path dataDirectory;

  @Test
  void shouldGiveAWorkingBrokerOnTheSameAddressEachTimeItStartsOnPortZero() throws Exception {
    // Given a broker on port 0 that starts, carries a record and stops
    EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();
    first.start();
    String address = first.bootstrapServers();
    System.out.printf("embedded Kafka start on a fresh directory took %d ms (%s)%n",
        first.lastStartupDuration().toMillis(), address);
    TestClients.createTopic(first, "ports", 1);
    produce(first, "first");
    first.stop();

    // When another broker starts on port 0 on the same directory
    EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();
    second.start();
    System.out.printf("embedded Kafka restart on the same directory took %d ms (%s)%n",
        second.lastStartupDuration().toMillis(), second.bootstrapServers());

    // Then it listens on the remembered address and works: it still has the first record and takes another
    try {
      assertThat(second.bootstrapServers()).isEqualTo(address);
      assertThat(first.lastStartupDuration()).isLessThan(STARTUP_BUDGET);
      assertThat(second.lastStartupDuration()).isLessThan(STARTUP_BUDGET);
      produce(second, "second");
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(second, "ports", "read_committed")) {
        consumer.subscribe(List.of("ports"));
        assertThat(TestClients.pollAtLeast(consumer, 2)).extracting(ConsumerRecord::value)
            .containsExactly("first", "second");
      }
    } finally {
      second.stop();
    }
  }

  @Test
  void shouldBindTheConfiguredPortOnEveryStart() {
    // Given a broker configured on a port that is free now
    int port = Ports.pickFree("127.0.0.1");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).optPort(port).build();

    // When it starts, stops and starts again
    broker.start();
    String firstAddress = broker.bootstrapServers();
    broker.stop();
    broker.start();

    // Then both starts bound that port and no port was remembered
    try {
      assertThat(firstAddress).isEqualTo("127.0.0.1:" + port);
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(broker.isRunning()).isTrue();
      assertThat(dataDirectory.resolve(BrokerDataDirectory.EMBEDDED_PROPERTIES_NAME)).doesNotExist();
    } finally {
      broker.stop();
    }
    assertThat(broker.isRunning()).isFalse();
  }

  @Test
  void shouldRefuseToStartWhenTheRememberedPortIsTakenAndSayWhereItIsKept() throws Exception {
    // Given a data directory that remembers a port another process now listens on
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("127.0.0.1", 0));
      new BrokerDataDirectory(dataDirectory).rememberListenerPort(squatter.getLocalPort());
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();

      // When the broker starts on port 0, then it fails naming the port and the file
      assertThatThrownBy(broker::start)
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessage("cannot start the embedded Kafka broker: port " + squatter.getLocalPort()
              + " on 127.0.0.1 is already in use (remembered in "
              + dataDirectory.toAbsolutePath().normalize().resolve(BrokerDataDirectory.EMBEDDED_PROPERTIES_NAME)
              + " from the first start on port 0; delete that file to pick a new free port)");
      assertThat(broker.isRunning()).isFalse();
    }
  }

  private static void produce(EmbeddedKafkaBroker broker, String value) throws Exception {
    try (KafkaProducer<String, String> producer = TestClients.producer(broker, Map.of())) {
      producer.send(new ProducerRecord<>("ports", "key", value)).get();
    }
  }
}
