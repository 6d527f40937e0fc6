package io.kefu.reply.pipeline;

import io.kefu.contract.AgentReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs each answered message of a committed transaction, with its conversation and reply ids in the MDC. */
final class CommitLog {
  private static final Logger log = LoggerFactory.getLogger(CommitLog.class);

  private CommitLog() {}

  /** Logs handoffs at info and model replies at debug. */
  static void committed(PollOutcome outcome) {
    for (MessageOutcome o : outcome.outcomes()) {
      if (o instanceof MessageOutcome.Answered answered) {
        AgentReply reply = answered.answer().reply();
        try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", reply.getConversationId());
            MDC.MDCCloseable r = MDC.putCloseable("replyId", reply.getReplyId())) {
          if (answered.answer().handoff() != null) {
            log.info("handed off message {} ({}, confidence {}) in {} ms", reply.getInReplyTo(),
                answered.answer().handoff().getReason(), String.format("%.3f", reply.getConfidence()),
                reply.getLatencyMs());
          } else if (log.isDebugEnabled()) {
            log.debug("answered message {} (confidence {}) in {} ms", reply.getInReplyTo(),
                String.format("%.3f", reply.getConfidence()), reply.getLatencyMs());
          }
        }
      }
    }
  }
}
