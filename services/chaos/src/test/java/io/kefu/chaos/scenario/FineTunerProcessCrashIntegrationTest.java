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

class FineTunerProcessCrashIntegrationTest {

  @Test
  void shouldPublishExactlyOneOutcomeWhenTheFineTunerProcessIsKilledMidRunAndRestarted() throws Exception {
    // Given the small base model registered ACTIVE and 60 rated examples waiting on training-examples
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("fine-tuner-crash"), "tuner.")) {
      var options = new FineTunerCrashScenario.Options(60, 2, Duration.ofMillis(300), Duration.ofSeconds(2), 23,
          Duration.ofMinutes(5));

      // When the fine-tuner process is killed with SIGKILL while its run trains (up to twice), and restarted
      ChaosResult result = new FineTunerCrashScenario(env, store, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then model-versions holds exactly one outcome for those examples, and their offsets are committed
      assertThat(result.faultCount()).isBetween(1, 2);
      assertThat(result.recordsOut()).isEqualTo(1);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.details().get("examples not committed by the group")).isEqualTo(0L);
    }
  }
}
