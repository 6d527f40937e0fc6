package io.kefu.reply.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.HandoffReason;
import io.kefu.corpus.HumanRequestDetector;
import io.kefu.contract.Locale;
import org.junit.jupiter.api.Test;

class HandoffPolicyTest {

  @Test
  void shouldHandOffBelowTheThresholdAndAtZeroConfidence() {
    HandoffPolicy policy = new HandoffPolicy(0.4, HumanRequestDetector::asksForHuman);
    assertThat(policy.afterGeneration(0.39)).contains(HandoffReason.LOW_CONFIDENCE);
    assertThat(policy.afterGeneration(0.4)).isEmpty();
    assertThat(policy.afterGeneration(0.95)).isEmpty();

    // a threshold of 0 still never sends an unusable (confidence 0) reply
    assertThat(new HandoffPolicy(0.0, HumanRequestDetector::asksForHuman).afterGeneration(0.0)).contains(HandoffReason.LOW_CONFIDENCE);
    assertThat(new HandoffPolicy(0.0, HumanRequestDetector::asksForHuman).afterGeneration(0.01)).isEmpty();
  }

  @Test
  void shouldHandOffBeforeGenerationWhenTheCustomerAsksForAPerson() {
    HandoffPolicy policy = new HandoffPolicy(0.4, HumanRequestDetector::asksForHuman);
    assertThat(policy.beforeGeneration("Let me talk to a HUMAN please")).contains(HandoffReason.CUSTOMER_ASKED);
    assertThat(policy.beforeGeneration("帮我转人工")).contains(HandoffReason.CUSTOMER_ASKED);
    assertThat(policy.beforeGeneration("where is my order?")).isEmpty();
    assertThat(policy.beforeGeneration("我的订单在哪里？")).isEmpty();
  }

  @Test
  void shouldRefuseAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> new HandoffPolicy(-0.1, HumanRequestDetector::asksForHuman))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence threshold must be 0..1, was -0.1");
  }

  @Test
  void shouldHoldTheCustomerInTheirLanguage() {
    assertThat(HoldingReplies.text(Locale.ZH)).isEqualTo(HoldingReplies.CHINESE);
    assertThat(HoldingReplies.text(Locale.EN)).isEqualTo(HoldingReplies.ENGLISH);
  }
}
