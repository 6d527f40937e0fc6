package io.kefu.poison.run;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Real model replies (not holding replies of a handoff, which never become training examples) that the run may
 * rate, each handed out once.
 */
final class ReplyPool {
  private final Deque<AgentReply> replies = new ArrayDeque<>();
  private final int size;

  ReplyPool(List<AgentReply> candidates) {
    candidates.stream()
        .filter(r -> r.getAuthor() == AuthorKind.MODEL && !r.getHandedOff())
        .forEach(replies::add);
    this.size = replies.size();
  }

  /** The next unrated model reply. */
  AgentReply take() {
    AgentReply next = replies.poll();
    if (next == null) {
      throw new IllegalStateException("all " + size + " model replies to good messages are rated already; write more"
          + " good messages before the feedback cases (or lower the handoff rate)");
    }
    return next;
  }

  int remaining() {
    return replies.size();
  }
}
