package io.kefu.reply.pipeline;

/**
 * A conversation on the partition its messages were read from (which is also its conversation-turns partition).
 *
 * @param partition partition of customer-messages and of conversation-turns
 * @param conversationId the conversation
 */
public record ConversationKey(int partition, String conversationId) {}
