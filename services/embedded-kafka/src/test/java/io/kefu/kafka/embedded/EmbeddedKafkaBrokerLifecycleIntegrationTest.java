package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerLifecycleIntegrationTest {
  @TempDir
  Path dataDirectory;

  @Test
  void shouldLeaveNoNonDaemonThreadBehindOnceStopReturns() {
    // Given the threads alive before a broker ran
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();

    // When it starts and stops
    broker.start();
    broker.stop();

    // Then every thread it started that could keep the JVM alive has ended
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
        .extracting(Thread::getName)
        .isEmpty();
    assertThat(broker.isRunning()).isFalse();
  }

  @Test
  void shouldRefuseASecondStartWhileRunningAndNameTheAddress() {
    // Given a running broker
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build()) {
      broker.start();

      // When it is started again, then it refuses and keeps running
      assertThatThrownBy(broker::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("embedded Kafka broker is already running at " + broker.bootstrapServers());
      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.clusterId()).hasSize(22);
    }
  }

  @Test
  void shouldExplainAnInvalidBrokerPropertyAndStayStopped() {
    // Given a broker property Kafka cannot parse
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory)
        .optBrokerProperty("num.io.threads", "many").build();

    // When it starts, then the failure names the address, the directory and Kafka's reason
    assertThatThrownBy(broker::start)
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageStartingWith("embedded Kafka broker failed to start at 127.0.0.1:")
        .hasMessageContaining("with data directory " + dataDirectory.toAbsolutePath().normalize())
        .hasMessageEndingWith("Invalid value many for configuration num.io.threads: Not a number of type INT");
    assertThat(broker.isRunning()).isFalse();
  }
}
