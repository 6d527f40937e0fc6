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

class ZombieFencingIntegrationTest {
  private static final int MESSAGES = 500;

  @Test
  void shouldNeverExposeTheLateWritesOfAReplyServiceFrozenPastItsPollInterval() throws Exception {
    // Given two reply-service processes in one group with a 10 s poll interval, under a steady load
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("zombie"), "zombie.")) {
      var options = new ZombieScenario.Options(new LoadOptions(MESSAGES, 30, 12, 11, Duration.ofMinutes(6)),
          Duration.ofSeconds(14), Duration.ofSeconds(10), Duration.ofSeconds(6));

      // When one is frozen with SIGSTOP for 14 s while the other takes its partitions, then resumed
      ChaosResult result = new ZombieScenario(env, store, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then the survivor took over, and read_committed consumers see exactly one answer per message, in order
      assertThat(ZombieScenario.tookOver(result)).isTrue();
      assertThat(result.recordsIn()).isEqualTo(MESSAGES);
      assertThat(result.recordsOut()).isEqualTo(MESSAGES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.orderViolations()).isZero();
    }
  }
}
