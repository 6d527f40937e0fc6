package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.dashboard.view.ConversationsView.ConversationSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationsViewTest {
  private static CustomerMessage message(String conversation, String text, long at) {
    return CustomerMessage.newBuilder().setMessageId("m" + at).setConversationId(conversation).setCustomerId(null)
        .setText(text).setLocale(Locale.ZH).setChannel(Channel.WEB).setSentAt(Instant.ofEpochMilli(at))
        .setAttributes(Map.of()).build();
  }

  private static AgentReply reply(String conversation, String replyId, String text, long at) {
    return AgentReply.newBuilder().setReplyId(replyId).setConversationId(conversation).setInReplyTo("m")
        .setText(text).setLocale(Locale.ZH).setAuthor(AuthorKind.MODEL).setModelVersion("v1").setOperatorId(null)
        .setConfidence(0.9).setLatencyMs(100).setHandedOff(false).setContext(List.of())
        .setCreatedAt(Instant.ofEpochMilli(at)).build();
  }

  @Test
  void shouldShowTurnsInTimeOrderWithTheirRatingsMostRecentConversationFirst() {
    // Given a conversation whose reply is read before the message it answers, and an older conversation
    ConversationsView view = new ConversationsView();
    view.onCustomerMessage(message("old", "hello", 10));
    view.onReply(reply("c1", "r1", "您好，请问有什么可以帮您？", 200));
    view.onCustomerMessage(message("c1", "你好", 100));
    view.onRating("c1", "r1", 4);

    // When the recent conversations are taken
    List<ConversationSummary> recent = view.snapshot(10);

    // Then the turns are in time order, the reply carries its rating, and c1 comes first
    assertThat(recent).extracting(ConversationSummary::conversationId).containsExactly("c1", "old");
    ConversationSummary c1 = recent.get(0);
    assertThat(c1.turns()).extracting(TurnView::author, TurnView::text, TurnView::rating).containsExactly(
        org.assertj.core.groups.Tuple.tuple("CUSTOMER", "你好", null),
        org.assertj.core.groups.Tuple.tuple("MODEL", "您好，请问有什么可以帮您？", 4));
    assertThat(c1.averageRating()).isEqualTo(4.0);
    assertThat(c1.lastActivity()).isEqualTo(200);
    assertThat(view.snapshot(1)).hasSize(1);
  }

  @Test
  void shouldKeepOnlyTheLatestTurnsAndClipHugeTexts() {
    ConversationsView view = new ConversationsView();
    for (int i = 0; i < ConversationsView.MAX_TURNS + 5; i++) {
      view.onCustomerMessage(message("c1", "turn " + i, i));
    }
    view.onCustomerMessage(message("c2", "x".repeat(Texts.MAX_CHARS + 10), 1));

    List<ConversationSummary> recent = view.snapshot(10);
    ConversationSummary c1 = recent.stream().filter(c -> c.conversationId().equals("c1")).findFirst().orElseThrow();
    assertThat(c1.turns()).hasSize(ConversationsView.MAX_TURNS);
    assertThat(c1.turns().get(0).text()).isEqualTo("turn 5");
    ConversationSummary c2 = recent.stream().filter(c -> c.conversationId().equals("c2")).findFirst().orElseThrow();
    assertThat(c2.turns().get(0).text()).hasSize(Texts.MAX_CHARS + 1).endsWith("…");
  }
}
