package io.kefu.reply.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

  @Test
  void shouldAppendTheExchangeAndRememberTheMessageId() {
    // Given an empty conversation
    ConversationState state = ConversationState.EMPTY;

    // When one exchange happens
    ConversationState after = state.after("m1", RecentTurn.customer("hi"), RecentTurn.agent("hello"), 10, 10);

    // Then
    assertThat(after.turns()).containsExactly(RecentTurn.customer("hi"), RecentTurn.agent("hello"));
    assertThat(after.hasAnswered("m1")).isTrue();
    assertThat(after.hasAnswered("m2")).isFalse();
    assertThat(state.turns()).isEmpty();
  }

  @Test
  void shouldDropTheOldestTurnsAndIdsBeyondTheirBounds() {
    // Given bounds of 3 turns and 2 message ids
    ConversationState state = ConversationState.EMPTY;

    // When three exchanges happen
    for (int i = 1; i <= 3; i++) {
      state = state.after("m" + i, RecentTurn.customer("q" + i), RecentTurn.agent("a" + i), 3, 2);
    }

    // Then only the newest survive, oldest first
    assertThat(state.turns()).containsExactly(RecentTurn.agent("a2"), RecentTurn.customer("q3"), RecentTurn.agent("a3"));
    assertThat(state.answeredMessageIds()).isEqualTo(List.of("m2", "m3"));
    assertThat(state.hasAnswered("m1")).isFalse();
  }
}
