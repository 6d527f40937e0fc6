package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerBuilderTest {
  @Test
  void shouldRequireADataDirectory() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataDirectory is required: call setDataDirectory(path)");
  }

  @Test
  void shouldRejectAPortOutsideTheTcpRange() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().optPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0..65535 (0 = pick a free port), was 70000");
  }

  @Test
  void shouldRejectAClusterIdThatIsNotABase64Uuid() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().optClusterId("kefu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clusterId must be a 22-character base64 UUID such as 'kafka-storage.sh random-uuid' prints,"
            + " was 'kefu'");
  }

  @Test
  void shouldRejectAWildcardHostBecauseTheBrokerAdvertisesIt() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().optHost("0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host must be an address clients can connect to, because the broker advertises it;"
            + " was the wildcard '0.0.0.0'");
  }

  @Test
  void shouldRejectANonPositiveStartupTimeout() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().optStartupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startupTimeout must be positive, was PT0S");
  }

  @Test
  void shouldRejectAManagedBrokerPropertyWhenItIsGiven() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().optBrokerProperty("log.dirs", "/tmp/elsewhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broker properties [log.dirs] are managed by EmbeddedKafkaBroker");
  }

  @Test
  void shouldRefuseAddressesBeforeTheFirstStart() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(Path.of("/tmp/never-started"))
        .optClientProperties(Map.of("security.protocol", "PLAINTEXT")).build();

    assertThat(broker.isRunning()).isFalse();
    assertThatThrownBy(broker::bootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("embedded Kafka broker has not been started; call start() first");
  }
}
