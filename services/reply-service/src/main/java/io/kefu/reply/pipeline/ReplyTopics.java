package io.kefu.reply.pipeline;

import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;

/**
 * The physical names of the topics the reply service reads and writes.
 *
 * @param customerMessages input
 * @param customerMessagesDlq dead letters of the input
 * @param agentReplies replies, model or holding
 * @param handoffs handoff requests
 * @param conversationTurns conversation memory snapshots (compacted)
 */
public record ReplyTopics(String customerMessages, String customerMessagesDlq, String agentReplies, String handoffs,
    String conversationTurns) {

  /** The names from the catalogue. */
  public static ReplyTopics from(TopicCatalogue catalogue) {
    return new ReplyTopics(catalogue.name(TopicNames.CUSTOMER_MESSAGES),
        catalogue.dlqName(TopicNames.CUSTOMER_MESSAGES), catalogue.name(TopicNames.AGENT_REPLIES),
        catalogue.name(TopicNames.HANDOFFS), catalogue.name(TopicNames.CONVERSATION_TURNS));
  }
}
