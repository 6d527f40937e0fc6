package io.kefu.reply.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers derived from the message they answer, so a retried transaction writes the same ids and downstream
 * systems can deduplicate even outside Kafka.
 */
final class ReplyIds {

  private ReplyIds() {}

  /** The id of the reply (model reply or holding reply) to one message. */
  static String replyId(String conversationId, String messageId) {
    return "reply-" + uuid("reply", conversationId, messageId);
  }

  /** The id of the handoff one message triggered. */
  static String handoffId(String conversationId, String messageId) {
    return "handoff-" + uuid("handoff", conversationId, messageId);
  }

  private static UUID uuid(String kind, String conversationId, String messageId) {
    // The length prefix keeps ("ab", "c") and ("a", "bc") apart whatever characters the ids hold.
    String name = kind + ':' + conversationId.length() + ':' + conversationId + messageId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
