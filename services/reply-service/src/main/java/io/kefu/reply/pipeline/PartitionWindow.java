package io.kefu.reply.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumed, uncommitted messages of one partition in offset order, and the offset after the last committed one.
 *
 * <p>Only the longest prefix of finished messages may leave the window ({@link #releaseFinishedPrefix()}): an
 * outcome is produced only together with, or after, every earlier message of its partition, so the committed offset
 * always covers exactly the messages whose outcomes are committed. A window belongs to one assignment of its
 * partition; a rewind or a revocation replaces it, which is how late results of the old one are recognised.
 */
final class PartitionWindow {
  private final TopicPartition partition;
  private final Deque<InFlightMessage> messages = new ArrayDeque<>();
  private long committedPosition;

  /** A window of {@code partition} whose messages before {@code committedPosition} are committed. */
  PartitionWindow(TopicPartition partition, long committedPosition) {
    if (committedPosition < 0) {
      throw new IllegalArgumentException("committedPosition of " + partition + " must be >= 0, was "
          + committedPosition);
    }
    this.partition = partition;
    this.committedPosition = committedPosition;
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

  /** Removes and returns the finished messages at the head, up to the first unfinished one. */
  List<InFlightMessage> releaseFinishedPrefix() {
    List<InFlightMessage> released = new ArrayList<>();
    while (!messages.isEmpty() && messages.peekFirst().isFinished()) {
      released.add(messages.pollFirst());
    }
    return released;
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
  }
}
