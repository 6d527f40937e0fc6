package io.kefu.chaos.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.report.ResultTable;
import io.kefu.chaos.testing.TestModelStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackStreamCrashIntegrationTest {
  private static final int RATED_REPLIES = 600;

  @Test
  void shouldWriteExactlyOneTrainingExamplePerRatedReplyWhenTheFeedbackStreamProcessIsKilledThreeTimes()
      throws Exception {
    // Given an embedded broker and registry, and messages, model replies and ratings flowing steadily
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("feedback-crash"), "feedback.")) {
      var options = new ReplyCrashScenario.Options(new LoadOptions(RATED_REPLIES, 30, 10, 19, Duration.ofMinutes(6)),
          3, Duration.ofSeconds(1), Duration.ofSeconds(4));

      // When the feedback stream process is killed with SIGKILL three times while it processes at random moments and restarted
      ChaosResult result = new FeedbackCrashScenario(env, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then training-examples, read as a read_committed consumer, holds exactly one example per rated reply
      assertThat(result.faultCount()).isEqualTo(3);
      assertThat(result.recordsIn()).isEqualTo(RATED_REPLIES);
      assertThat(result.recordsOut()).isEqualTo(RATED_REPLIES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
    }
  }
}
