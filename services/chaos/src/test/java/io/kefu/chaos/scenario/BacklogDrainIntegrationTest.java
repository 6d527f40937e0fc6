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

class BacklogDrainIntegrationTest {
  private static final int MESSAGES = 600;

  @Test
  void shouldDrainABacklogToZeroLagAndAnswerEveryMessageOnce() throws Exception {
    // Given 600 messages produced while no reply service runs
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("backlog"), "backlog.")) {
      LoadOptions load = new LoadOptions(MESSAGES, 60, 0, 17, Duration.ofMinutes(6));

      // When a reply-service process starts on the backlog
      ChaosResult result = new BacklogScenario(env, store, load).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then the whole backlog was there, the lag is back to 0, and every message has exactly one answer
      assertThat(result.details().get("backlog (lag before start)")).isEqualTo((long) MESSAGES);
      assertThat(result.details().get("lag after drain")).isEqualTo(0L);
      assertThat(result.recordsIn()).isEqualTo(MESSAGES);
      assertThat(result.recordsOut()).isEqualTo(MESSAGES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.orderViolations()).isZero();
    }
  }
}
