package io.kefu.chaos.scenario;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.load.PlannedMessage;
import io.kefu.chaos.verify.CommittedOutputs;
import io.kefu.chaos.verify.ExactlyOnceCheck;
import io.kefu.chaos.verify.ExactlyOnceReport;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.reply.pipeline.ReplyTopics;
import java.time.Duration;
import java.util.List;

/**
 * The end of every reply-service scenario: wait until the group has committed offsets at the end of
 * customer-messages (so every answer is committed too, in the same transactions), then read agent-replies and
 * handoffs as a read_committed consumer and check them against what was sent.
 */
final class AnswerCheck {
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration LAG_POLL = Duration.ofMillis(250);

  private AnswerCheck() {}

  /**
   * @throws ScenarioException when the lag does not reach 0 within {@code drainTimeout}
   */
  static ExactlyOnceReport awaitAndCheck(ChaosEnvironment env, String group, List<PlannedMessage> sent,
      Duration drainTimeout) throws InterruptedException {
    ReplyTopics topics = ReplyTopics.from(env.topics());
    GroupLag lag = new GroupLag(env.admin());
    if (!lag.awaitZero(group, topics.customerMessages(), drainTimeout, LAG_POLL)) {
      throw new ScenarioException("group " + group + " still lags " + lag.of(group, topics.customerMessages())
          + " messages on " + topics.customerMessages() + " after " + drainTimeout + "; child logs in "
          + env.logDirectory());
    }
    try (CommittedOutputs outputs = new CommittedOutputs(env.clientProperties(), env.registryUrl(), READ_TIMEOUT)) {
      return ExactlyOnceCheck.check(sent, outputs.answers(topics.agentReplies()),
          outputs.handoffMessageIds(topics.handoffs()));
    }
  }
}
