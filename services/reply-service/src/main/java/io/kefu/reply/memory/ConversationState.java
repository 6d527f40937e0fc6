package io.kefu.reply.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * What the service remembers of one conversation: its recent turns and the messageIds it has recently answered.
 * Immutable; every exchange makes a new state.
 *
 * @param turns recent turns, oldest first
 * @param answeredMessageIds recent answered messageIds, oldest first
 */
public record ConversationState(List<RecentTurn> turns, List<String> answeredMessageIds) {

  /** The state of a conversation the service has never seen. */
  public static final ConversationState EMPTY = new ConversationState(List.of(), List.of());

  public ConversationState {
    turns = List.copyOf(turns);
    answeredMessageIds = List.copyOf(answeredMessageIds);
  }

  /** True when {@code messageId} was answered recently, so a resent copy must not be answered again. */
  public boolean hasAnswered(String messageId) {
    return answeredMessageIds.contains(messageId);
  }

  /**
   * The state after one exchange: the customer turn and the reply appended, the messageId remembered, and the
   * oldest entries dropped to stay within {@code maxTurns} and {@code maxMessageIds}.
   */
  public ConversationState after(String messageId, RecentTurn customer, RecentTurn reply, int maxTurns,
      int maxMessageIds) {
    List<RecentTurn> newTurns = new ArrayList<>(turns);
    newTurns.add(customer);
    newTurns.add(reply);
    List<String> newIds = new ArrayList<>(answeredMessageIds);
    newIds.add(messageId);
    return new ConversationState(lastN(newTurns, maxTurns), lastN(newIds, maxMessageIds));
  }

  private static <T> List<T> lastN(List<T> list, int n) {
    return list.size() <= n ? list : list.subList(list.size() - n, list.size());
  }
}
