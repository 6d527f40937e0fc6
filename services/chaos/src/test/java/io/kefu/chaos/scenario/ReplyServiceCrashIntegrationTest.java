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

class ReplyServiceCrashIntegrationTest {
  private static final int MESSAGES = 600;
  @Test
  void shouldAnswerEveryMessageExactlyOnceAndInOrderWhenTheReplyServiceProcessIsKilledThreeTimes() throws Exception {
    // Given the small real model, an embedded broker and registry, and a steady load of 600 messages
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("crash"), "crash.")) {
      var options = new ReplyCrashScenario.Options(
          new LoadOptions(MESSAGES, 30, 12, 7, Duration.ofMinutes(6)), 3, Duration.ofSeconds(2), Duration.ofSeconds(8));

      // When the reply-service process is killed with SIGKILL three times at random moments and restarted
      ChaosResult result = new ReplyCrashScenario(env, store, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then a read_committed consumer sees exactly one answer per message, in each conversation's order
      assertThat(result.faultCount()).isEqualTo(3);
      assertThat(result.recordsIn()).isEqualTo(MESSAGES);
      assertThat(result.recordsOut()).isEqualTo(MESSAGES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.orderViolations()).isZero();
    }
  }
}
