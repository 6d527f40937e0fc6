package io.kefu.reply.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The states of the conversations on the partitions this instance owns, grouped by partition so a revoked
 * partition's conversations are forgotten together. Read by generation threads, written by the poll loop.
 */
public final class ConversationMemory {
  private final Map<Integer, Map<String, ConversationState>> byPartition = new ConcurrentHashMap<>();

  /** The state of {@code conversationId} on {@code partition}; {@link ConversationState#EMPTY} when unknown. */
  public ConversationState get(int partition, String conversationId) {
    Map<String, ConversationState> states = byPartition.get(partition);
    ConversationState state = states == null ? null : states.get(conversationId);
    return state == null ? ConversationState.EMPTY : state;
  }

  /** Records the committed state of a conversation. */
  public void put(int partition, String conversationId, ConversationState state) {
    byPartition.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(conversationId, state);
  }

  /** Replaces everything known about {@code partition} with {@code states} (a restore). */
  public void replacePartition(int partition, Map<String, ConversationState> states) {
    byPartition.put(partition, new ConcurrentHashMap<>(states));
  }

  /** Forgets a partition that is no longer owned. */
  public void dropPartition(int partition) {
    byPartition.remove(partition);
  }

  /** Number of remembered conversations per owned partition. */
  public Map<Integer, Integer> sizes() {
    Map<Integer, Integer> sizes = new HashMap<>();
    byPartition.forEach((p, states) -> sizes.put(p, states.size()));
    return sizes;
  }
}
