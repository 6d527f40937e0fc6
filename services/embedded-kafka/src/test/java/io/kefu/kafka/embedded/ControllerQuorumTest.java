package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ControllerQuorumTest {

  @Test
  void shouldParseVotersAndGiveThisNodesControllerPort() {
    ControllerQuorum quorum = ControllerQuorum.parse(3, " 3@41003, 1@41001 ,2@41002");

    assertThat(quorum.controllerPort()).isEqualTo(41003);
    assertThat(quorum.size()).isEqualTo(3);
    assertThat(quorum.votersSpec()).isEqualTo("1@41001,2@41002,3@41003");
    assertThat(quorum.votersProperty("10.0.0.5")).isEqualTo("1@10.0.0.5:41001,2@10.0.0.5:41002,3@10.0.0.5:41003");
  }

  @Test
  void shouldRefuseANodeThatIsNotAVoterDuplicateIdsSharedPortsAndMalformedVoters() {
    assertThatThrownBy(() -> ControllerQuorum.parse(4, "1@41001,2@41002,3@41003"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("node 4 is not one of the quorum's voters [1, 2, 3]");
    assertThatThrownBy(() -> ControllerQuorum.parse(1, "1@41001,1@41002"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("controller voters must read 'id@port,id@port,...' with distinct ids");
    assertThatThrownBy(() -> ControllerQuorum.parse(1, "1:41001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("controller voters must read 'id@port,id@port,...'");
    assertThatThrownBy(() -> new ControllerQuorum(1, new TreeMap<>(Map.of(1, 41001, 2, 41001))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("every voter needs a controller port");
  }

  @Test
  void shouldRefuseAControllerPortThatDiffersFromTheQuorums() {
    ControllerQuorum quorum = ControllerQuorum.parse(1, "1@41001,2@41002,3@41003");

    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().setDataDirectory(java.nio.file.Path.of("/tmp/x"))
        .optControllerPort(41009).optQuorum(quorum).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("controllerPort 41009 differs from node 1's port 41001 in the quorum; set only the quorum");
  }
}
