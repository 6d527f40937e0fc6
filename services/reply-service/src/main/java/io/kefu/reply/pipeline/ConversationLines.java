package io.kefu.reply.pipeline;

import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.ConversationState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-conversation order in the {@link PipelinedReplyLoop}: at most one message of a conversation generates at a
 * time, the next one waits until the previous one is finished and starts from the state that one left (its reply
 * included, committed or not), while other conversations go on independently.
 *
 * <p>A conversation has a line from the admission of a message until the commit of its last admitted message; after
 * that its state is the committed one in {@link ConversationMemory}. Touched only by the loop thread.
 */
final class ConversationLines {

  /** One conversation's uncommitted work. */
  private static final class Line {
    private ConversationState state;
    private final Deque<InFlightMessage> waiting = new ArrayDeque<>();
    private InFlightMessage generating;
    private int uncommitted;

    private Line(ConversationState committed) {
      this.state = committed;
    }
  }

  private final ConversationMemory memory;
  private final Map<ConversationKey, Line> lines = new HashMap<>();

  ConversationLines(ConversationMemory memory) {
    this.memory = memory;
  }

  /**
   * Queues an admitted message on its conversation; returns true when the conversation was idle, so the message
   * starts now (and becomes the one generating), false when it waits for the messages before it.
   */
  boolean admit(InFlightMessage message) {
    Line line = lines.computeIfAbsent(message.key(),
        k -> new Line(memory.get(k.partition(), k.conversationId())));
    line.uncommitted++;
    if (line.generating == null) {
      line.generating = message;
      return true;
    }
    line.waiting.addLast(message);
    return false;
  }

  /** The state the conversation's next message starts from: after its latest finished message. */
  ConversationState state(ConversationKey key) {
    Line line = lines.get(key);
    if (line == null) {
      throw new IllegalStateException("conversation " + key + " has no admitted message");
    }
    return line.state;
  }

  /**
   * Records that the conversation's generating message is finished, leaving {@code stateAfter} (null: unchanged),
   * and returns the next message to start, or null when none waits.
   */
  InFlightMessage finished(InFlightMessage message, ConversationState stateAfter) {
    Line line = lines.get(message.key());
    if (line == null || line.generating != message) {
      throw new IllegalStateException(RecordAdmission.where(message.record()) + " is not the generating message of "
          + message.key());
    }
    if (stateAfter != null) {
      line.state = stateAfter;
    }
    line.generating = line.waiting.pollFirst();
    return line.generating;
  }

  /** Records that the outcome of {@code message} is committed; forgets an idle conversation with nothing pending. */
  void committed(InFlightMessage message) {
    Line line = lines.get(message.key());
    if (line == null) {
      return; // the partition was dropped after the commit's records were chosen
    }
    line.uncommitted--;
    if (line.uncommitted <= 0 && line.generating == null && line.waiting.isEmpty()) {
      lines.remove(message.key());
    }
  }

  /** Forgets every conversation of {@code partition}: its uncommitted work will be redone from the committed state. */
  void dropPartition(int partition) {
    lines.keySet().removeIf(key -> key.partition() == partition);
  }

  /** Forgets everything. */
  void clear() {
    lines.clear();
  }

  /** Number of conversations with uncommitted work. */
  int size() {
    return lines.size();
  }
}
