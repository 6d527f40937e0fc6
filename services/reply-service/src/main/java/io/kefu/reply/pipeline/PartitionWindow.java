package io.kefu.reply.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumed, uncommitted messages of one partition in offset order, and the offset after the last committed one.
 *
 * <p>The offset committed for a partition never passes an unfinished message: it is the end of the longest prefix of
 * finished messages ({@link #releasedPosition()}). An answered message behind an unfinished one may still leave the
 * window early ({@link #releaseFinished(int)}), so that a short reply does not wait for a long generation of another
 * conversation: its reply and its conversation's new state (which remembers its messageId) are committed in one
 * transaction, while the offset stays before the unfinished message. Should the partition be redone from that
 * offset (a crash, a rewind, a new owner), the answered message is recognised by its remembered messageId and
 * skipped as a duplicate. That holds while the conversation remembers every messageId answered ahead, which is why
 * at most {@code ahead} messages of one conversation leave early. Dead letters and duplicates leave only in the
 * prefix, in offset order: nothing would recognise a dead letter written twice.
 *
 * <p>A window belongs to one assignment of its partition; a rewind or a revocation replaces it, which is how late
 * results of the old one are recognised.
 */
final class PartitionWindow {
  private final TopicPartition partition;
  private final Deque<InFlightMessage> messages = new ArrayDeque<>();
  private long committedPosition;
  private long releasedPosition;

  /** A window of {@code partition} whose messages before {@code committedPosition} are committed. */
  PartitionWindow(TopicPartition partition, long committedPosition) {
    if (committedPosition < 0) {
      throw new IllegalArgumentException("committedPosition of " + partition + " must be >= 0, was "
          + committedPosition);
    }
    this.partition = partition;
    this.committedPosition = committedPosition;
    this.releasedPosition = committedPosition;
  }

  TopicPartition partition() {
    return partition;
  }

  /** Appends a consumed message; offsets must increase. */
  void add(InFlightMessage message) {
    InFlightMessage last = messages.peekLast();
    if (last != null && message.offset() <= last.offset()) {
      throw new IllegalArgumentException("offset " + message.offset() + " of " + partition
          + " must follow the last admitted offset " + last.offset());
    }
    messages.addLast(message);
  }

  /**
   * Returns the finished messages not released before, in offset order: those of the prefix (removed from the
   * window, advancing {@link #releasedPosition()}), then the answered ones behind it whose conversation has no
   * earlier message still in the window unreleased and fewer than {@code ahead} messages released ahead already
   * (kept in the window, marked released, until the prefix reaches them). A conversation's outcomes therefore still
   * leave in its own order, and a redo meets at most {@code ahead} of its messages answered ahead.
   */
  List<InFlightMessage> releaseFinished(int ahead) {
    List<InFlightMessage> released = new ArrayList<>();
    while (!messages.isEmpty() && messages.peekFirst().isFinished()) {
      InFlightMessage head = messages.pollFirst();
      releasedPosition = head.offset() + 1;
      if (!head.isReleased()) {
        head.released();
        released.add(head);
      }
    }
    if (ahead == 0 || messages.stream().noneMatch(PartitionWindow::canGoAhead)) {
      return released; // the common case on every loop turn: nothing new finished behind the head
    }
    Set<ConversationKey> waiting = new HashSet<>();
    Map<ConversationKey, Integer> releasedAhead = new HashMap<>();
    for (InFlightMessage m : messages) {
      if (m.isReleased()) {
        releasedAhead.merge(m.key(), 1, Integer::sum);
      } else if (canGoAhead(m) && !waiting.contains(m.key()) && releasedAhead.getOrDefault(m.key(), 0) < ahead) {
        m.released();
        released.add(m);
        releasedAhead.merge(m.key(), 1, Integer::sum);
      } else if (m.key() != null) {
        waiting.add(m.key());
      }
    }
    return released;
  }

  /** An answered message not yet released: the only kind that may leave ahead of an unfinished one. */
  private static boolean canGoAhead(InFlightMessage m) {
    return !m.isReleased() && m.isFinished() && m.outcome() instanceof MessageOutcome.Answered;
  }

  /**
   * The offset after the longest prefix of finished messages released so far: what a transaction may commit for
   * this partition. At least {@link #committedPosition()}.
   */
  long releasedPosition() {
    return releasedPosition;
  }

  /** The messages still in the window, oldest first. */
  List<InFlightMessage> messages() {
    return List.copyOf(messages);
  }

  int size() {
    return messages.size();
  }

  /** The offset after the last message whose outcome is committed: where a rewind starts. */
  long committedPosition() {
    return committedPosition;
  }

  /** Records that every message before {@code nextOffset} is committed. */
  void committedUpTo(long nextOffset) {
    committedPosition = Math.max(committedPosition, nextOffset);
    releasedPosition = Math.max(releasedPosition, committedPosition);
  }

  /** True when the released prefix ends past the committed offset: a transaction has offsets to commit. */
  boolean hasUncommittedPosition() {
    return releasedPosition > committedPosition;
  }
}
