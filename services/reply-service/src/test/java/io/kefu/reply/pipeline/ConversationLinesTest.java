package io.kefu.reply.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.ConversationState;
import io.kefu.reply.memory.RecentTurn;
import io.kefu.reply.testing.Conversations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConversationLinesTest {
  private static final TopicPartition TP = new TopicPartition("customer-messages", 0);
  private final PartitionWindow window = new PartitionWindow(TP, 0);

  private InFlightMessage message(String conversation, int k) {
    CustomerMessage message = Conversations.message(conversation, k, Locale.EN);
    InFlightMessage m = new InFlightMessage(new ConsumerRecord<>(TP.topic(), TP.partition(), window.size(),
        new byte[0], new byte[0]), window, 0L, new ConversationKey(0, conversation), message);
    window.add(m);
    return m;
  }

  private static ConversationState after(ConversationState state, InFlightMessage m, String reply) {
    return state.after(m.message().getMessageId(), RecentTurn.customer(m.message().getText()),
        RecentTurn.agent(reply), 12, 64);
  }

  @Test
  void shouldStartAConversationsNextMessageOnlyWhenItsPreviousOneIsFinishedAndFromTheStateItLeft() {
    // Given conversation A with a committed state, and its two messages admitted, then one of B
    ConversationMemory memory = new ConversationMemory();
    ConversationState committed = ConversationState.EMPTY.after("old", RecentTurn.customer("hi"),
        RecentTurn.agent("hello"), 12, 64);
    memory.put(0, "a", committed);
    ConversationLines lines = new ConversationLines(memory);
    InFlightMessage a0 = message("a", 0);
    InFlightMessage a1 = message("a", 1);
    InFlightMessage b0 = message("b", 0);

    // When they are admitted, then A's first and B's start at once, A's second waits
    assertThat(lines.admit(a0)).isTrue();
    assertThat(lines.admit(a1)).isFalse();
    assertThat(lines.admit(b0)).isTrue();
    assertThat(lines.state(a0.key())).isEqualTo(committed);

    // When A's first is finished (not yet committed), then A's second is next and starts from the state it left
    ConversationState afterA0 = after(committed, a0, "Let me check that for you.");
    assertThat(lines.finished(a0, afterA0)).isSameAs(a1);
    assertThat(lines.state(a1.key())).isEqualTo(afterA0);
    assertThat(lines.finished(a1, null)).isNull();
    assertThat(lines.state(a1.key())).isEqualTo(afterA0);

    // and the line is forgotten only once every admitted message of A is committed
    lines.committed(a0);
    assertThat(lines.size()).isEqualTo(2);
    lines.committed(a1);
    assertThat(lines.size()).isEqualTo(1);
  }

  @Test
  void shouldForgetEveryConversationOfADroppedPartition() {
    // Given a waiting conversation on partition 0
    ConversationLines lines = new ConversationLines(new ConversationMemory());
    InFlightMessage a0 = message("a", 0);
    lines.admit(a0);
    lines.admit(message("a", 1));

    // When partition 0 is dropped
    lines.dropPartition(0);

    // Then nothing is left of it
    assertThat(lines.size()).isZero();
  }
}
