package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.dashboard.view.HandoffQueue.HandoffView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffQueueTest {
  private static HandoffRequest handoff(String conversation, HandoffStatus status, long at) {
    return HandoffRequest.newBuilder()
        .setHandoffId("h-" + conversation + "-" + at).setConversationId(conversation).setMessageId("m-" + at)
        .setReason(HandoffReason.CUSTOMER_ASKED).setConfidence(0.3).setModelVersion("v1").setLocale(Locale.ZH)
        .setTranscript(List.of(new Turn(Role.CUSTOMER, "我要人工"), new Turn(Role.AGENT, "请稍等")))
        .setStatus(status).setCreatedAt(Instant.ofEpochMilli(at)).build();
  }

  private static List<String> open(HandoffQueue queue) {
    return queue.snapshot(100).handoffs().stream().map(HandoffView::conversationId).toList();
  }

  @Test
  void shouldListOpenHandoffsOldestFirstWithTheirTranscript() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("c2", HandoffStatus.OPEN, 200));
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));

    assertThat(open(queue)).containsExactly("c1", "c2");
    HandoffView c1 = queue.find("c1").orElseThrow();
    assertThat(c1.transcript()).extracting(TurnView::author, TurnView::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CUSTOMER", "我要人工"),
            org.assertj.core.groups.Tuple.tuple("AGENT", "请稍等"));
    assertThat(c1.messageId()).isEqualTo("m-100");
    assertThat(c1.reason()).isEqualTo("CUSTOMER_ASKED");
  }

  @Test
  void shouldRemoveAHandoffOnceAHumanAnswersOrAnOperatorClosesIt() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("answered", HandoffStatus.OPEN, 100));
    queue.onHandoff(handoff("closed", HandoffStatus.OPEN, 100));
    queue.onHandoff(handoff("waiting", HandoffStatus.OPEN, 100));

    queue.onHumanReply("answered", 150);
    queue.onClose("closed", 160);

    assertThat(open(queue)).containsExactly("waiting");
    assertThat(queue.snapshot(100).open()).isEqualTo(1);
  }

  @Test
  void shouldKeepAHandoffClosedWhenItsAnswerIsReadBeforeIt() {
    // Given the answer read first (topics interleave differently on replay)
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHumanReply("c1", 150);

    // When the older handoff arrives
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));

    // Then it is not open
    assertThat(open(queue)).isEmpty();
  }

  @Test
  void shouldReopenAConversationHandedOffAgainAfterItsAnswer() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));
    queue.onHumanReply("c1", 150);

    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 200));

    assertThat(open(queue)).containsExactly("c1");
    assertThat(queue.find("c1").orElseThrow().createdAt()).isEqualTo(200);
  }

  @Test
  void shouldTakeAnsweredOrClosedHandoffRecordsAsResolutions() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));
    queue.onHandoff(handoff("c1", HandoffStatus.CLOSED, 120));

    assertThat(open(queue)).isEmpty();
  }

  @Test
  void shouldIgnoreAHumanReplyOlderThanTheHandoff() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));

    queue.onHumanReply("c1", 50);

    assertThat(open(queue)).containsExactly("c1");
  }

  @Test
  void shouldAddTheCustomersLaterMessagesToTheOpenHandoff() {
    HandoffQueue queue = new HandoffQueue(10);
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));

    queue.onCustomerMessage("c1", "还在吗？", 130);
    queue.onCustomerMessage("c1", "sent before the handoff", 90);
    queue.onCustomerMessage("other", "not handed off", 130);

    assertThat(queue.find("c1").orElseThrow().transcript()).extracting(TurnView::text)
        .containsExactly("我要人工", "请稍等", "还在吗？");
  }

  @Test
  void shouldDropAndCountTheOldestOpenHandoffWhenFull() {
    HandoffQueue queue = new HandoffQueue(2);
    queue.onHandoff(handoff("c1", HandoffStatus.OPEN, 100));
    queue.onHandoff(handoff("c2", HandoffStatus.OPEN, 200));
    queue.onHandoff(handoff("c3", HandoffStatus.OPEN, 300));

    assertThat(open(queue)).containsExactly("c2", "c3");
    assertThat(queue.snapshot(100).evicted()).isEqualTo(1);
    assertThatThrownBy(() -> new HandoffQueue(0)).hasMessage("maxOpen must be at least 1, was 0");
  }
}
