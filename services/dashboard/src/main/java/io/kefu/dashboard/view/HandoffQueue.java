package io.kefu.dashboard.view;

import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversations waiting for a human: a handoff is open until a human reply or a close (or a handoff record saying
 * ANSWERED or CLOSED) that is not older than it.
 *
 * <p>The decision compares the records' own times, not the order they are read in, so replaying topics whose
 * partitions interleave differently gives the same queue. A conversation handed off again after being answered opens
 * again.
 */
public final class HandoffQueue {
  /** Turns kept per open handoff: its transcript plus the customer's later messages. */
  public static final int MAX_TURNS = 50;
  static final int REMEMBERED_RESOLUTIONS = 20_000;

  private final int maxOpen;
  private final Map<String, OpenHandoff> open = new LinkedHashMap<>();
  private final Map<String, Long> resolvedAt = new BoundedMap<>(REMEMBERED_RESOLUTIONS, false);
  private long evicted;

  /** A queue keeping at most {@code maxOpen} open handoffs; beyond it the oldest are dropped and counted. */
  public HandoffQueue(int maxOpen) {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen must be at least 1, was " + maxOpen);
    }
    this.maxOpen = maxOpen;
  }

  /** Opens (or refreshes) a handoff, or resolves it when the record says ANSWERED or CLOSED. */
  public synchronized void onHandoff(HandoffRequest request) {
    String conversationId = request.getConversationId();
    long createdAt = request.getCreatedAt().toEpochMilli();
    if (request.getStatus() != HandoffStatus.OPEN) {
      resolve(conversationId, createdAt);
      return;
    }
    Long resolved = resolvedAt.get(conversationId);
    if (resolved != null && resolved >= createdAt) {
      return;
    }
    OpenHandoff held = open.get(conversationId);
    if (held != null && held.createdAt >= createdAt) {
      return;
    }
    open.put(conversationId, new OpenHandoff(request));
    if (open.size() > maxOpen) {
      open.values().stream().min(Comparator.comparingLong(h -> h.createdAt))
          .ifPresent(oldest -> open.remove(oldest.conversationId));
      evicted++;
    }
  }

  /** A human operator answered the conversation at {@code atMillis}. */
  public synchronized void onHumanReply(String conversationId, long atMillis) {
    resolve(conversationId, atMillis);
  }

  /** An operator closed the conversation's handoff at {@code atMillis}. */
  public synchronized void onClose(String conversationId, long atMillis) {
    resolve(conversationId, atMillis);
  }

  /** Adds a customer's later message to the conversation's open handoff, if it has one. */
  public synchronized void onCustomerMessage(String conversationId, String text, long sentAtMillis) {
    OpenHandoff held = open.get(conversationId);
    if (held != null && sentAtMillis > held.createdAt) {
      held.add(TurnView.customer(text, sentAtMillis));
    }
  }

  private void resolve(String conversationId, long atMillis) {
    resolvedAt.merge(conversationId, atMillis, Math::max);
    OpenHandoff held = open.get(conversationId);
    if (held != null && held.createdAt <= atMillis) {
      open.remove(conversationId);
    }
  }

  /** The open handoff of {@code conversationId}, if there is one. */
  public synchronized Optional<HandoffView> find(String conversationId) {
    return Optional.ofNullable(open.get(conversationId)).map(OpenHandoff::view);
  }

  /** The oldest {@code limit} open handoffs, oldest first, with the total. */
  public synchronized HandoffQueueSnapshot snapshot(int limit) {
    List<HandoffView> views = open.values().stream()
        .sorted(Comparator.comparingLong(h -> h.createdAt))
        .limit(limit)
        .map(OpenHandoff::view)
        .toList();
    return new HandoffQueueSnapshot(open.size(), evicted, views);
  }

  /** One open handoff, mutable only by the queue. */
  private static final class OpenHandoff {
    private final HandoffRequest request;
    private final String conversationId;
    private final long createdAt;
    private final Deque<TurnView> turns = new ArrayDeque<>();

    OpenHandoff(HandoffRequest request) {
      this.request = request;
      this.conversationId = request.getConversationId();
      this.createdAt = request.getCreatedAt().toEpochMilli();
      for (Turn turn : request.getTranscript()) {
        add(new TurnView(turn.getRole() == Role.CUSTOMER ? "CUSTOMER" : "AGENT", Texts.clip(turn.getText()), 0, null,
            null, null, null));
      }
    }

    void add(TurnView turn) {
      turns.addLast(turn);
      if (turns.size() > MAX_TURNS) {
        turns.removeFirst();
      }
    }

    HandoffView view() {
      return new HandoffView(request.getHandoffId(), conversationId, request.getMessageId(),
          request.getReason().name(), request.getConfidence(), request.getModelVersion(), request.getLocale().name(),
          createdAt, new ArrayList<>(turns));
    }
  }

  /**
   * An open handoff as the dashboard shows it.
   *
   * @param handoffId the handoff's id
   * @param conversationId the conversation
   * @param messageId the customer message that triggered it; a human answer replies to it
   * @param reason why it was handed off
   * @param confidence the model's confidence at the time
   * @param modelVersion the version that handed it off, or null
   * @param locale the conversation's language
   * @param createdAt when it was handed off, epoch milliseconds
   * @param transcript its turns, oldest first
   */
  public record HandoffView(String handoffId, String conversationId, String messageId, String reason,
      double confidence, String modelVersion, String locale, long createdAt, List<TurnView> transcript) {}

  /**
   * The queue at one moment.
   *
   * @param open how many handoffs are open
   * @param evicted how many open handoffs were dropped because the queue was full
   * @param handoffs the oldest open handoffs, oldest first
   */
  public record HandoffQueueSnapshot(int open, long evicted, List<HandoffView> handoffs) {}
}
