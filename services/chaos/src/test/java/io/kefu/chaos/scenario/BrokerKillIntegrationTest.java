package io.kefu.chaos.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.report.ResultTable;
import io.kefu.chaos.testing.TestModelStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class BrokerKillIntegrationTest {
  private static final int MESSAGES = 400;

  @Test
  void shouldAnswerEveryMessageExactlyOnceWhenOneBrokerOfThreeIsKilledUnderTheRunningReplyServiceProcess()
      throws Exception {
    // Given a cluster of three broker processes, its topics replicated three times, and a reply-service process
    // answering a steady load
    Path store = TestModelStore.ensure();
    try (ChaosEnvironment env = ChaosEnvironment.start(TestModelStore.newRunDirectory("broker-kill"), "kill.", 3)) {
      String messages = env.topics().name("customer-messages");
      Map<String, TopicDescription> described = env.admin().describeTopics(List.of(messages)).allTopicNames().get();
      assertThat(described.get(messages).partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      var options = new BrokerRestartScenario.Options(new LoadOptions(MESSAGES, 20, 12, 17, Duration.ofMinutes(6)),
          1, Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));

      // When one node, chosen at random, is killed with SIGKILL mid-load and started again 8 s later
      ChaosResult result = new BrokerRestartScenario(env, store, options).run();
      System.out.println(ResultTable.render(List.of(result)));

      // Then the service recovered by itself and every message has exactly one answer, in order
      assertThat(result.test()).isEqualTo("broker kill (1 of 3)");
      assertThat(result.details().get("reply-service process restarted")).isEqualTo("no (recovered by itself)");
      assertThat(result.recordsIn()).isEqualTo(MESSAGES);
      assertThat(result.recordsOut()).isEqualTo(MESSAGES);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicated()).isZero();
      assertThat(result.orderViolations()).isZero();
    }
  }
}
