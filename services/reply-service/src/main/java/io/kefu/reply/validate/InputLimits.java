package io.kefu.reply.validate;

/**
 * Size limits on a customer message.
 *
 * <p>Text is measured in Unicode code points, so a Chinese character or an emoji counts once. Identifiers are
 * bounded because they key compacted topics and appear in every log line.
 *
 * @param maxMessageChars longest text in code points
 * @param maxConversationIdChars longest conversationId in chars
 * @param maxMessageIdChars longest messageId in chars
 */
public record InputLimits(int maxMessageChars, int maxConversationIdChars, int maxMessageIdChars) {
  public InputLimits {
    if (maxMessageChars < 1 || maxConversationIdChars < 1 || maxMessageIdChars < 1) {
      throw new IllegalArgumentException("input limits must be >= 1, were maxMessageChars=" + maxMessageChars
          + ", maxConversationIdChars=" + maxConversationIdChars + ", maxMessageIdChars=" + maxMessageIdChars);
    }
  }
}
