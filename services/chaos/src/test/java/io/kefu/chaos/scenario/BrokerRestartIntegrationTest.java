package io.kefu.chaos.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.report.ResultTable;
import io.kefu.chaos.testing.TestModelStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerRestartIntegrationTest {
  private static final int MESSAGES = 400;

  @Test
  void shouldAnswerEveryMessageExactlyOnceWhenTheBrokerRestartsUnderTheRunningReplyServiceProcess()
      throws Exception {
    // Given a reply-service process answering a steady load
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("broker-restart"), "restart.")) {
      var options = new BrokerRestartScenario.Options(new LoadOptions(MESSAGES, 20, 12, 13, Duration.ofMinutes(6)),
          1, Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ZERO);

      // When the broker is stopped and started again on the same data directory and port mid-load
      ChaosResult result = new BrokerRestartScenario(env, store, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then the service recovered by itself and every message has exactly one answer, in order
      assertThat(result.details().get("reply-service process restarted")).isEqualTo("no (recovered by itself)");
      assertThat(result.recordsIn()).isEqualTo(MESSAGES);
      assertThat(result.recordsOut()).isEqualTo(MESSAGES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.orderViolations()).isZero();
    }
  }
}
