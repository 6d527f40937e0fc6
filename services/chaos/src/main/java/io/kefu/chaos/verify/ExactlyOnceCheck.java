package io.kefu.chaos.verify;

import io.kefu.chaos.load.PlannedMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the messages a run sent with the answers a read_committed consumer read back, as Kafka's
 * transactions_test.py compares its input and output: exactly one answer per message id, none for ids never sent,
 * and in each conversation the answers in the order of their messages.
 *
 * <p>Answers must be given per partition in offset order; a conversation lives in one partition, so its answers
 * are then in the order they were committed.
 */
public final class ExactlyOnceCheck {
  private static final int EXAMPLES = 10;

  private ExactlyOnceCheck() {}

  /**
   * Checks {@code answers} and the messageIds of {@code handoffs} against {@code sent}.
   *
   * @param sent the acknowledged messages
   * @param answers the replies read back, in offset order within each partition
   * @param handoffMessageIds the messageId of each handoff request read back
   */
  public static ExactlyOnceReport check(Collection<PlannedMessage> sent, List<Answer> answers,
      List<String> handoffMessageIds) {
    Map<String, PlannedMessage> byId = new HashMap<>();
    sent.forEach(m -> byId.put(m.messageId(), m));
    Map<String, Integer> answerCounts = new HashMap<>();
    Map<String, Integer> lastIndex = new HashMap<>();
    List<String> examples = new ArrayList<>();
    long duplicated = 0;
    long unexpected = 0;
    long orderViolations = 0;
    for (Answer answer : answers) {
      PlannedMessage message = byId.get(answer.inReplyTo());
      if (message == null) {
        unexpected++;
        example(examples, "answer to unknown message " + answer.inReplyTo());
        continue;
      }
      if (answerCounts.merge(answer.inReplyTo(), 1, Integer::sum) > 1) {
        duplicated++;
        example(examples, "second answer to " + answer.inReplyTo());
        continue;
      }
      Integer previous = lastIndex.put(message.conversationId(), message.index());
      if (previous != null && previous > message.index()) {
        orderViolations++;
        lastIndex.put(message.conversationId(), previous);
        example(examples, "answer to " + answer.inReplyTo() + " after the answer to message " + previous
            + " of " + message.conversationId());
      }
    }
    Map<String, Integer> handoffCounts = new HashMap<>();
    for (String messageId : handoffMessageIds) {
      if (handoffCounts.merge(messageId, 1, Integer::sum) > 1) {
        duplicated++;
        example(examples, "second handoff of " + messageId);
      }
    }
    long lost = 0;
    for (PlannedMessage message : sent) {
      if (!answerCounts.containsKey(message.messageId())) {
        lost++;
        example(examples, "no answer to " + message.messageId());
      }
    }
    return new ExactlyOnceReport(sent.size(), answers.size(), handoffMessageIds.size(), lost, duplicated, unexpected,
        orderViolations, examples);
  }

  /**
   * Checks that each id of {@code expected} occurs exactly once in {@code seen} and nothing else does, for outputs
   * with one record per input id and no order to keep (one training example per rated reply).
   */
  public static ExactlyOnceReport checkIds(Collection<String> expected, List<String> seen) {
    java.util.Set<String> wanted = new java.util.HashSet<>(expected);
    Map<String, Integer> counts = new HashMap<>();
    List<String> examples = new ArrayList<>();
    long duplicated = 0;
    long unexpected = 0;
    for (String id : seen) {
      if (!wanted.contains(id)) {
        unexpected++;
        example(examples, "output for unknown id " + id);
      } else if (counts.merge(id, 1, Integer::sum) > 1) {
        duplicated++;
        example(examples, "second output for " + id);
      }
    }
    long lost = 0;
    for (String id : wanted) {
      if (!counts.containsKey(id)) {
        lost++;
        example(examples, "no output for " + id);
      }
    }
    return new ExactlyOnceReport(wanted.size(), seen.size(), 0, lost, duplicated, unexpected, 0, examples);
  }

  private static void example(List<String> examples, String text) {
    if (examples.size() < EXAMPLES) {
      examples.add(text);
    }
  }
}
