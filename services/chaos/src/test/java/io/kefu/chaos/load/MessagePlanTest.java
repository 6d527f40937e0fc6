package io.kefu.chaos.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessagePlanTest {

  @Test
  void shouldSpreadMessagesOverConversationsAndSendEachConversationInItsOwnOrder() {
    // Given a plan of 25 messages over 10 conversations
    MessagePlan plan = MessagePlan.of("t", 10, 25, 3);

    // When its sending order is grouped by conversation
    Map<String, List<Integer>> indexes = plan.inSendingOrder().stream().collect(Collectors.groupingBy(
        PlannedMessage::conversationId, Collectors.mapping(PlannedMessage::index, Collectors.toList())));

    // Then every conversation has 2 or 3 messages, numbered from 0 in sending order, with unique ids
    assertThat(plan.size()).isEqualTo(25);
    assertThat(indexes).hasSize(10);
    assertThat(indexes.values()).allSatisfy(list -> assertThat(list).isSubsetOf(0, 1, 2).isSorted());
    assertThat(indexes.values().stream().mapToInt(List::size).sum()).isEqualTo(25);
    assertThat(plan.inSendingOrder()).extracting(PlannedMessage::messageId).doesNotHaveDuplicates();
    assertThat(plan.inSendingOrder()).allSatisfy(m -> assertThat(m.text()).isNotBlank());
  }

  @Test
  void shouldPlanTheSameMessagesForTheSameSeed() {
    // Given two plans with one seed
    // When they are built
    // Then they are equal message by message
    assertThat(MessagePlan.of("t", 5, 20, 9).inSendingOrder()).isEqualTo(MessagePlan.of("t", 5, 20, 9).inSendingOrder());
  }

  @Test
  void shouldRefuseFewerMessagesThanConversations() {
    assertThatThrownBy(() -> MessagePlan.of("t", 10, 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need at least one conversation and at least one message per conversation, was 5 messages over"
            + " 10 conversations");
  }
}
