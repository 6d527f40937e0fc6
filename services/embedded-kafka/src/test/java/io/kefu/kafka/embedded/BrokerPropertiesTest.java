package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {
  private static final BrokerDataDirectory DIRECTORY = new BrokerDataDirectory(Path.of("/var/lib/kefu/kafka"));

  @Test
  void shouldDeclareACombinedSingleNodeWithBothListenersOnTheHost() {
    Map<String, String> props = BrokerProperties.build("127.0.0.1", 9092, 41234, DIRECTORY, Map.of());

    assertThat(props)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("listeners", "CLIENT://127.0.0.1:9092,CONTROLLER://127.0.0.1:41234")
        .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:9092")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:41234")
        .containsEntry("log.dirs", "/var/lib/kefu/kafka/kafka-logs")
        .containsEntry("metadata.log.dir", "/var/lib/kefu/kafka/kafka-logs");
  }

  @Test
  void shouldDeclareANodeOfAThreeVoterQuorumWithItsOwnIdAndEveryVoterOnTheHost() {
    ControllerQuorum quorum = ControllerQuorum.parse(2, "1@41001,2@41002,3@41003");

    Map<String, String> props = BrokerProperties.build("127.0.0.1", 9093, quorum.controllerPort(), DIRECTORY, Map.of(),
        Optional.empty(), Optional.of(quorum));

    assertThat(props)
        .containsEntry("node.id", "2")
        .containsEntry("listeners", "CLIENT://127.0.0.1:9093,CONTROLLER://127.0.0.1:41002")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:41001,2@127.0.0.1:41002,3@127.0.0.1:41003");
  }

  @Test
  void shouldDefaultToOneReplicaEverywhereNoAutoCreatedTopicsAndNoRebalanceDelay() {
    Map<String, String> props = BrokerProperties.build("127.0.0.1", 9092, 41234, DIRECTORY, Map.of());

    assertThat(props)
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("default.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0");
  }

  @Test
  void shouldLetExtraPropertiesOverrideTheDefaults() {
    Map<String, String> extras = Map.of(
        "listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT",
        "auto.create.topics.enable", "true",
        "log.retention.hours", "1");

    Map<String, String> props = BrokerProperties.build("127.0.0.1", 9092, 41234, DIRECTORY, extras);

    assertThat(props)
        .containsEntry("listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT")
        .containsEntry("auto.create.topics.enable", "true")
        .containsEntry("log.retention.hours", "1");
  }

  @Test
  void shouldRejectExtraPropertiesThatTheBrokerManagesAndNameThem() {
    assertThatThrownBy(() -> BrokerProperties.checkExtras(Map.of("listeners", "PLAINTEXT://:9092", "node.id", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broker properties [listeners, node.id] are managed by EmbeddedKafkaBroker");
  }
}
